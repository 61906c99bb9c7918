import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { OAuthConfig } from '../config';
import type { Db } from '../db/client';
import { amocrmOauthTokens } from '../db/schema';
import { HttpProblem } from '../errors';

/** Refresh this long before the access token expires (amoCRM's last 24 h). */
export const REFRESH_MARGIN_S = 5 * 60;

const tokenAnswerSchema = z.looseObject({
  access_token: z.string().min(1),
  refresh_token: z.string().min(1),
  expires_in: z.number().int().positive(),
});

/** The gateway cannot authenticate to amoCRM: an administrator has to act. */
export class CredentialsFailed extends HttpProblem {
  constructor(detail: string) {
    super(502, 'Bad Gateway', detail);
  }
}

function hashOf(grant: OAuthConfig['grant']): string {
  const secret = grant.type === 'authorization_code' ? grant.code : grant.token;
  return createHash('sha256').update(`${grant.type}:${secret}`).digest('hex');
}

const now = () => Math.floor(Date.now() / 1000);

/**
 * Access tokens of an amoCRM integration: kept in the database with the rotated refresh token,
 * refreshed a few minutes before they expire, once at a time per process and, through a row
 * lock, per database (several instances may share one PostgreSQL). The environment's
 * authorization code or refresh token is used only until the first rotation, or when it changes.
 */
export function createOAuthTokens({
  db,
  baseUrl,
  oauth,
}: {
  db: Db;
  baseUrl: string;
  oauth: OAuthConfig;
}) {
  const credentialsHash = hashOf(oauth.grant);
  let cached: { accessToken: string; expiresAt: number } | undefined;
  let pending: Promise<string> | undefined;
  let problem: string | undefined;
  let rejectedToken: string | undefined;

  async function exchange(body: Record<string, string>) {
    let response: Response;
    try {
      response = await fetch(`${baseUrl}/oauth2/access_token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({
          client_id: oauth.clientId,
          client_secret: oauth.clientSecret,
          redirect_uri: oauth.redirectUri,
          ...body,
        }),
        redirect: 'manual',
        signal: AbortSignal.timeout(15_000),
      });
    } catch {
      throw new CredentialsFailed('amoCRM could not be reached to refresh the access token');
    }
    const text = await response.text().catch(() => '');
    if (!response.ok) {
      // amoCRM's OAuth problems carry `hint` ("Token has been revoked"); nothing secret in them.
      let hint = '';
      try {
        const parsed = JSON.parse(text) as { hint?: unknown; detail?: unknown };
        hint = [parsed.detail, parsed.hint].filter((x) => typeof x === 'string').join(': ');
      } catch {
        // not JSON: the status says enough
      }
      throw new CredentialsFailed(
        `amoCRM refused the integration's ${body.grant_type} (${response.status}${hint ? `, ${hint}` : ''}). ` +
          'An administrator must reconnect the account: set a new AMOCRM_AUTH_CODE and restart.',
      );
    }
    const parsed = tokenAnswerSchema.safeParse(JSON.parse(text || 'null'));
    if (!parsed.success) throw new CredentialsFailed('amoCRM answered the token request oddly');
    return parsed.data;
  }

  async function refresh(): Promise<string> {
    return db
      .transaction(async (tx) => {
        await tx
          .insert(amocrmOauthTokens)
          .values({
            baseUrl,
            accessToken: '',
            refreshToken: '',
            expiresAt: 0,
            credentialsHash: '',
            updatedAt: now(),
          })
          .onConflictDoNothing();
        const [row] = await tx
          .select()
          .from(amocrmOauthTokens)
          .where(eq(amocrmOauthTokens.baseUrl, baseUrl))
          .for('update');
        const current = row!.credentialsHash === credentialsHash;
        // Another instance may have refreshed while we waited for the lock.
        const usable = row!.accessToken && row!.accessToken !== rejectedToken;
        if (current && usable && row!.expiresAt - REFRESH_MARGIN_S > now()) {
          return row!;
        }
        const grant: Record<string, string> =
          current && row!.refreshToken
            ? { grant_type: 'refresh_token', refresh_token: row!.refreshToken }
            : oauth.grant.type === 'authorization_code'
              ? { grant_type: 'authorization_code', code: oauth.grant.code }
              : { grant_type: 'refresh_token', refresh_token: oauth.grant.token };
        const answer = await exchange(grant);
        const next = {
          accessToken: answer.access_token,
          refreshToken: answer.refresh_token,
          expiresAt: now() + answer.expires_in,
          credentialsHash,
          updatedAt: now(),
        };
        await tx.update(amocrmOauthTokens).set(next).where(eq(amocrmOauthTokens.baseUrl, baseUrl));
        return next;
      })
      .then((row) => {
        cached = { accessToken: row.accessToken, expiresAt: row.expiresAt };
        problem = undefined;
        return row.accessToken;
      });
  }

  return {
    /** A valid access token, refreshed first when it is about to expire. */
    accessToken: async (): Promise<string> => {
      if (cached && cached.expiresAt - REFRESH_MARGIN_S > now()) return cached.accessToken;
      pending ??= refresh()
        .catch((error: unknown) => {
          problem =
            error instanceof Error ? error.message : 'The access token could not be refreshed';
          throw error;
        })
        .finally(() => {
          pending = undefined;
        });
      return pending;
    },
    /** amoCRM said 401 to this token: the next request refreshes. */
    rejected: (token: string) => {
      rejectedToken = token;
      if (cached?.accessToken === token) cached = undefined;
    },
    /** The last refresh failure, for administrators; undefined once a refresh works. */
    problem: () => problem,
  };
}

export type OAuthTokens = ReturnType<typeof createOAuthTokens>;
