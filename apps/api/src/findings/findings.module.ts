import { Module } from '@nestjs/common';
import { FindingsResolver } from './findings.resolver.js';

@Module({ providers: [FindingsResolver] })
export class FindingsApiModule {}
