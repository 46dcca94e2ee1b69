export declare const NEXT_BUILD_ARGS: string[];
