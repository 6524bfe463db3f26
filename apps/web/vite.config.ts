import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The web consumes the schema package straight from source so it never needs a build of it.
// `@weibao/schema/levels`, `/labels`, `/audit-actions`, `/limits`, `/enum-values` and `/roles` reach the zod-free
// level texts, labels and enum value lists without loading the zod schemas.
const schemaSrc = fileURLToPath(new URL('../../packages/schema/src/index.ts', import.meta.url));
const levelsSrc = fileURLToPath(new URL('../../packages/schema/src/levels.ts', import.meta.url));
const labelsSrc = fileURLToPath(new URL('../../packages/schema/src/labels.ts', import.meta.url));
const limitsSrc = fileURLToPath(new URL('../../packages/schema/src/limits.ts', import.meta.url));
const enumValuesSrc = fileURLToPath(new URL('../../packages/schema/src/enum-values.ts', import.meta.url));
const rolesSrc = fileURLToPath(new URL('../../packages/schema/src/roles.ts', import.meta.url));
const auditActionsSrc = fileURLToPath(new URL('../../packages/schema/src/audit-actions.ts', import.meta.url));
const apiProxy = { '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false } };

export default defineConfig({
  plugins: [react()],
  resolve: {
    alias: [
      { find: /^@weibao\/schema$/, replacement: schemaSrc },
      { find: /^@weibao\/schema\/levels$/, replacement: levelsSrc },
      { find: /^@weibao\/schema\/labels$/, replacement: labelsSrc },
      { find: /^@weibao\/schema\/audit-actions$/, replacement: auditActionsSrc },
      { find: /^@weibao\/schema\/limits$/, replacement: limitsSrc },
      { find: /^@weibao\/schema\/enum-values$/, replacement: enumValuesSrc },
      { find: /^@weibao\/schema\/roles$/, replacement: rolesSrc },
    ],
  },
  server: { host: '127.0.0.1', port: 5173, proxy: apiProxy },
  preview: { host: '127.0.0.1', port: 4173, proxy: apiProxy },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // antd is deliberately NOT forced into one vendor chunk: left to automatic splitting, the
    // components only admin pages use load with those pages (first load ~340 kB gzip instead of ~460).
    // The shared antd core chunk and the lazily loaded echarts chunk are each ~550 kB minified.
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router|react-router-dom)[\\/]/ },
            {
              name: 'helpers',
              // With the enum value lists (about 1 kB): signed-in pages use them, so they need no request of their own.
              test: /node_modules[\\/](@babel[\\/]runtime|classnames)[\\/]|[\\/]schema[\\/]src[\\/]enum-values\.ts$/,
              includeDependenciesRecursively: false,
            },
            {
              name: 'icons',
              test: /node_modules[\\/](@ant-design[\\/](icons|icons-svg|colors|fast-color)|rc-util)[\\/]/,
              includeDependenciesRecursively: false,
            },
            {
              name: 'antd',
              test: /node_modules[\\/](antd|@ant-design[\\/](cssinjs|cssinjs-utils|react-slick)|@rc-component|rc-(?!util[\\/])[\w-]+)[\\/]/,
              includeDependenciesRecursively: false,
            },
            { name: 'echarts', test: /node_modules[\\/](echarts|zrender|tslib)[\\/]/ },
          ],
        },
      },
    },
  },
});
