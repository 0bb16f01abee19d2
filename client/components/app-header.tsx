'use client';

import Link from 'next/link';
import { usePathname, useRouter } from 'next/navigation';
import { useSession } from '../lib/auth/session';

const NAV = [
  { href: '/', label: 'Workspace' },
  { href: '/history', label: 'History' },
  { href: '/studies', label: 'Studies' },
  { href: '/prices', label: 'Prices' },
] as const;

/** Top bar: the product name, the signed-in person's navigation and sign out. */
export function AppHeader() {
  const { status, user, signOut } = useSession();
  const pathname = usePathname();
  const router = useRouter();
  return (
    <header className="app-header">
      <Link href="/" className="brand">
        PortoFino
      </Link>
      {status === 'signed-in' && (
        <nav aria-label="Main">
          <ul>
            {NAV.map(({ href, label }) => {
              const current = href === '/' ? pathname === '/' : pathname.startsWith(href);
              return (
                <li key={href}>
                  <Link href={href} aria-current={current ? 'page' : undefined}>
                    {label}
                  </Link>
                </li>
              );
            })}
          </ul>
        </nav>
      )}
      <div className="header-end">
        {status === 'signed-in' && user && (
          <>
            <Link href="/account" className="muted user-name" title={`${user.email}: your account`}>
              {user.displayName ?? user.email}
            </Link>
            <button
              type="button"
              className="button secondary"
              onClick={() => void signOut().then(() => router.replace('/sign-in'))}
            >
              Sign out
            </button>
          </>
        )}
      </div>
    </header>
  );
}
