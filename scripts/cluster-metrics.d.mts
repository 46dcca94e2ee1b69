export declare const METRICS_REQUEST = "hospital:metrics-req";
export declare const METRICS_RESPONSE = "hospital:metrics-res";
export declare function serveClusterMetrics(): void;
export declare function answerClusterMetrics(): Promise<void>;
