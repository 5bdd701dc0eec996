import { Field, GraphQLISODateTime, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Role } from '@cartographer/access';

registerEnumType(Role, { name: 'Role', description: 'What an account may do; see libs/access/README.md.' });

@ObjectType('User', { description: 'An account. Passwords and their hashes are never exposed.' })
export class UserModel {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  email!: string;

  @Field(() => String)
  displayName!: string;

  @Field(() => Role)
  role!: Role;

  @Field(() => [String], { description: 'Organisation keys granted.' })
  organisations!: string[];

  @Field(() => [String], { description: 'Department keys assigned (data team leads).' })
  departments!: string[];

  @Field(() => Boolean)
  disabled!: boolean;

  @Field(() => GraphQLISODateTime)
  createdAt!: Date;
}

@ObjectType('UserPage')
export class UserPageModel {
  @Field(() => [UserModel])
  nodes!: UserModel[];

  @Field(() => String, { nullable: true, description: 'Pass as `after` for the next page.' })
  endCursor!: string | null;

  @Field(() => Boolean)
  hasNextPage!: boolean;
}

@ObjectType('LoginResult')
export class LoginResultModel {
  @Field(() => String, { description: 'Send as `Authorization: Bearer <token>`.' })
  token!: string;

  @Field(() => GraphQLISODateTime)
  expiresAt!: Date;

  @Field(() => UserModel)
  user!: UserModel;
}

@ObjectType('ApiToken', { description: 'An API token for automation; its secret is shown only at creation.' })
export class ApiTokenModel {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { description: 'Public part of the token, to recognise it.' })
  prefix!: string;

  @Field(() => GraphQLISODateTime)
  createdAt!: Date;

  @Field(() => GraphQLISODateTime)
  expiresAt!: Date;

  @Field(() => GraphQLISODateTime, { nullable: true })
  revokedAt!: Date | null;

  @Field(() => GraphQLISODateTime, { nullable: true })
  lastUsedAt!: Date | null;
}

@ObjectType('CreatedApiToken')
export class CreatedApiTokenModel {
  @Field(() => String, { description: 'The token itself: shown once, store it now.' })
  secret!: string;

  @Field(() => ApiTokenModel)
  apiToken!: ApiTokenModel;
}
