import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { AppHeader } from '../components/app-header';
import './globals.css';
import { Providers } from './providers';

export const metadata: Metadata = {
  title: { default: 'PortoFino', template: '%s · PortoFino' },
  description: 'Backtest a portfolio written in plain text over real historical prices.',
};

export const viewport: Viewport = {
  colorScheme: 'light dark',
  width: 'device-width',
  initialScale: 1,
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#content">
          Skip to content
        </a>
        <Providers>
          <AppHeader />
          <main id="content" tabIndex={-1}>
            {children}
          </main>
        </Providers>
      </body>
    </html>
  );
}
