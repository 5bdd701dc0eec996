import { randomUUID } from 'node:crypto';
import argon2 from 'argon2';
import { Injectable } from '@nestjs/common';

/** OWASP's argon2id baseline (19 MiB, 2 passes): ~30 ms here, slow enough for offline guessing. */
const OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

@Injectable()
export class PasswordService {
  private dummy?: Promise<string>;

  hash(password: string): Promise<string> {
    return argon2.hash(password, OPTIONS);
  }

  async verify(hash: string, password: string): Promise<boolean> {
    try {
      return await argon2.verify(hash, password);
    } catch {
      return false;
    }
  }

  /**
   * Verifies against a hash of a random password: used for unknown emails so that they take the
   * same time as a wrong password and cannot be told apart.
   */
  async verifyDummy(password: string): Promise<false> {
    this.dummy ??= this.hash(randomUUID());
    await this.verify(await this.dummy, password);
    return false;
  }
}
