import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { Role } from '../policy/policy.types.js';

/** An account. Table created by migrations/1764200000000-accounts.ts (never synchronized). */
@Entity({ name: 'users' })
export class UserEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Always stored lower-cased; unique. */
  @Column({ type: 'text' })
  email!: string;

  @Column({ type: 'text', name: 'display_name' })
  displayName!: string;

  @Column({ type: 'text' })
  role!: Role;

  @Column({ type: 'text', array: true })
  organisations!: string[];

  @Column({ type: 'text', array: true })
  departments!: string[];

  /** argon2id, PHC string. Never leaves this library. */
  @Column({ type: 'text', name: 'password_hash' })
  passwordHash!: string;

  @Column({ type: 'boolean' })
  disabled!: boolean;

  @Column({ type: 'timestamptz', name: 'created_at', insert: false, update: false })
  createdAt!: Date;

  @Column({ type: 'timestamptz', name: 'updated_at', insert: false })
  updatedAt!: Date;
}
