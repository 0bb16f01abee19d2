'use client';

import Link from 'next/link';
import { usePathname, useRouter } from 'next/navigation';
import type { ComponentProps } from 'react';
import { useSession } from '../lib/auth/session';

const NAV = [
  { href: '/', label: 'Workspace' },
  { href: '/history', label: 'History' },
  { href: '/studies', label: 'Studies' },
  { href: '/prices', label: 'Prices' },
] as const;

/**
 * A header link whose page is fetched when the person shows an intent to go there (pointer over it, keyboard focus,
 * a touch), not as soon as the link is on screen: every page has these links, and fetching the code of four other
 * pages at once would add it to each page's first load.
 */
function NavLink({ href, ...props }: { href: string } & Omit<ComponentProps<typeof Link>, 'href' | 'prefetch'>) {
  const router = useRouter();
  const prefetch = () => router.prefetch(href);
  return (
    <Link {...props} href={href} prefetch={false} onMouseEnter={prefetch} onFocus={prefetch} onTouchStart={prefetch} />
  );
}

/** Top bar: the product name, the signed-in person's navigation and sign out. */
export function AppHeader() {
  const { status, user, signOut } = useSession();
  const pathname = usePathname();
  const router = useRouter();
  return (
    <header className="app-header">
      <NavLink href="/" className="brand">
        PortoFino
      </NavLink>
      {status === 'signed-in' && (
        <nav aria-label="Main">
          <ul>
            {NAV.map(({ href, label }) => {
              const current = href === '/' ? pathname === '/' : pathname.startsWith(href);
              return (
                <li key={href}>
                  <NavLink href={href} aria-current={current ? 'page' : undefined}>
                    {label}
                  </NavLink>
                </li>
              );
            })}
          </ul>
        </nav>
      )}
      <div className="header-end">
        {status === 'signed-in' && user && (
          <>
            <NavLink href="/account" className="muted user-name" title={`${user.email}: your account`}>
              {user.displayName ?? user.email}
            </NavLink>
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
