/** The browser app, bundled by `scripts/build-app.mjs` into `dist/assets.js`. */
export declare const script: string;
export declare const style: string;
