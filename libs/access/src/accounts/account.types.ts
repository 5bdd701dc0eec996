import type { Role } from '../policy/policy.types.js';

/** An account as every caller outside this library sees it: no password hash. */
export interface Account {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  organisations: string[];
  departments: string[];
  disabled: boolean;
  createdAt: Date;
}

export interface CreateAccountInput {
  email: string;
  displayName: string;
  role: Role;
  organisations: string[];
  departments?: string[];
  password: string;
}

export interface UpdateAccountInput {
  displayName?: string;
  role?: Role;
  organisations?: string[];
  departments?: string[];
  password?: string;
  disabled?: boolean;
}

export interface ApiTokenView {
  id: string;
  userId: string;
  name: string;
  prefix: string;
  createdAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
}
