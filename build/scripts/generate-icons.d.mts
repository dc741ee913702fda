export declare const PNG_SIZES: number[];
export declare const ICO_SIZES: number[];
export declare const ICON_SVG: string;
export declare function renderPng(size: number): Promise<Buffer>;
export declare function buildIco(sizes?: number[]): Promise<Buffer>;
export declare function main(buildDir?: string): Promise<void>;
