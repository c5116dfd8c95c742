/*
 * What `import('exceljs')` resolves to in the production build (admin/vite.config.mts aliases it):
 * exceljs ships a prebuilt, minified browser bundle (dist/exceljs.min.js, about 930 kB) that bundling
 * again gains nothing from and cannot split; the build copies it beside the app as
 * vendor/exceljs.min.js and this loads it with a script tag the first time a sheet is read or
 * written. In development and in Node tests, 'exceljs' is the package itself.
 */
import type ExcelJSModule from 'exceljs';

const url = `${import.meta.env.BASE_URL}vendor/exceljs.min.js`;

const ExcelJS = await new Promise<typeof ExcelJSModule>((resolve, reject) => {
  const script = document.createElement('script');
  script.src = url;
  script.async = true;
  script.onload = () => resolve((window as unknown as { ExcelJS: typeof ExcelJSModule }).ExcelJS);
  script.onerror = () => reject(new Error(`Could not load ${url}`));
  document.head.appendChild(script);
});

export default ExcelJS;
