import { Module } from '@nestjs/common';
import { MapResolver } from './map.resolver.js';

/** The data map query; its layout cache lives in the resolver, one per process. */
@Module({ providers: [MapResolver] })
export class MapApiModule {}
