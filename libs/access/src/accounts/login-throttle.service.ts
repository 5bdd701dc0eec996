import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@cartographer/config';

/** One address may fail this many times more than one email (offices share an address). */
export const IP_FAILURE_FACTOR = 4;

const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest('hex');

/**
 * Failed-login counters in PostgreSQL, so the limit holds across restarts and API instances.
 * Counted per email and per client address over a sliding window; a success clears the email's.
 * Check-then-count is not atomic: concurrent attempts may exceed the limit by the number in flight.
 */
@Injectable()
export class LoginThrottleService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private keys(email: string, ip: string): [string, string] {
    return [digest(`email:${email}`), digest(`ip:${ip}`)];
  }

  async isBlocked(email: string, ip: string): Promise<boolean> {
    const [emailHash, ipHash] = this.keys(email, ip);
    const [counts] = (await this.dataSource.query(
      `SELECT count(*) FILTER (WHERE email_hash = $1)::int AS email, count(*) FILTER (WHERE ip_hash = $2)::int AS ip
         FROM login_failures
        WHERE (email_hash = $1 OR ip_hash = $2) AND occurred_at > now() - make_interval(secs => $3)`,
      [emailHash, ipHash, this.config.auth.loginWindowSeconds],
    )) as { email: number; ip: number }[];
    const max = this.config.auth.loginMaxFailures;
    return counts.email >= max || counts.ip >= max * IP_FAILURE_FACTOR;
  }

  async recordFailure(email: string, ip: string): Promise<void> {
    const [emailHash, ipHash] = this.keys(email, ip);
    await this.dataSource.query('INSERT INTO login_failures (email_hash, ip_hash) VALUES ($1, $2)', [
      emailHash,
      ipHash,
    ]);
    await this.dataSource.query('DELETE FROM login_failures WHERE occurred_at <= now() - make_interval(secs => $1)', [
      this.config.auth.loginWindowSeconds,
    ]);
  }

  async clear(email: string): Promise<void> {
    await this.dataSource.query('DELETE FROM login_failures WHERE email_hash = $1', [this.keys(email, '')[0]]);
  }
}
