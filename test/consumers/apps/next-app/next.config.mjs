/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // The matrix builds this app in node_modules/.cache/runlens-consumers/next-app inside the runlens
  // checkout: without this, Next takes the checkout's lockfile for the workspace root, and sees
  // the app's own files as living in node_modules. A standalone app needs neither line.
  turbopack: { root: import.meta.dirname },
  outputFileTracingRoot: import.meta.dirname,
};

export default nextConfig;
