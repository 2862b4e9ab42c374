import type { ReactNode } from 'react';
import 'runlens/styles.css';

// An empty icon, so the browser does not ask for /favicon.ico and log a 404 that is not runlens's.
export const metadata = { title: 'runlens consumer: Next.js App Router', icons: { icon: 'data:,' } };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
