import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getDb } from "@/db/client";
import { isDomainError } from "@/lib/errors";
import { verifyCredentials } from "./sign-in";

export const SESSION_MAX_AGE = 12 * 3600;

/** next-auth v4: Credentials provider (id "credentials", fields email and password), JWT sessions. */
export function authOptions(): NextAuthOptions {
  return {
    secret: process.env.AUTH_SECRET,
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE },
    pages: { signIn: "/signin", error: "/signin" },
    providers: [
      CredentialsProvider({
        id: "credentials",
        name: "Email",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Mật khẩu", type: "password" } },
        async authorize(credentials, req) {
          const headers = (req?.headers ?? {}) as Record<string, string | undefined>;
          const { db } = await getDb();
          try {
            const user = await verifyCredentials(db, credentials ?? {}, headers["x-ocop-client-ip"], headers["x-request-id"]);
            return { id: String(user.id), email: user.email, name: user.name };
          } catch (e) {
            if (isDomainError(e)) return null;
            throw e;
          }
        },
      }),
    ],
    callbacks: {
      // The token carries only the user id; role and scope are re-read from the database per request.
      async jwt({ token, user }) {
        if (user) token.sub = user.id;
        return { sub: token.sub, iat: token.iat, exp: token.exp, jti: token.jti };
      },
      async session({ session, token }) {
        return { ...session, user: { id: token.sub } } as typeof session;
      },
    },
  };
}
