/** @type {import('next').NextConfig} */
const nextConfig = {
  // The engine runs in process for simulated hosts; execa and friends stay plain Node modules.
  serverExternalPackages: ['execa'],
};

export default nextConfig;
