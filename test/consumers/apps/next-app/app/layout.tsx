import type { ReactNode } from 'react';
import 'runlens/styles.css';

export const metadata = { title: 'runlens consumer: Next.js App Router' };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
