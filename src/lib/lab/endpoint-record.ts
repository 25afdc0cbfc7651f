// An online endpoint and its request log as the lab keeps them: the shapes the endpoint rules
// (`online-endpoint.ts`), the Endpoints page and the service worker share. The database stores them as they are.

/** A deployment of an online endpoint: one registry version serving behind the endpoint's name. */
export interface StoredDeployment {
	name: string;
	modelName: string;
	modelVersion: number;
	createdAt: string;
}

/** A managed online endpoint as Azure ML shapes it: deployments, a live traffic split and key auth. */
export interface StoredEndpoint {
	name: string;
	authMode: 'key';
	keys: { primary: string; secondary: string };
	deployments: StoredDeployment[];
	/** Live traffic per deployment, in percent; sums to 100 when any deployment has traffic. */
	traffic: Record<string, number>;
	/** Share of live requests also copied to a deployment whose answers are logged but never returned. */
	mirrorTraffic: Record<string, number>;
	createdAt: string;
	updatedAt: string;
}

/** One request an online endpoint answered (or refused), for the request log and its percentiles. */
export interface StoredEndpointRequest {
	id?: number;
	endpoint: string;
	at: Date;
	status: number;
	latencyMs: number;
	records: number;
	/** The deployment that answered; absent when the request was refused before routing. */
	deployment?: string;
	modelVersion?: number;
	/** The deployment a copy of this request was mirrored to, if any. */
	mirroredTo?: string;
	/** True for the mirrored copy itself: scored and logged, never returned to the caller. */
	mirror?: boolean;
	error?: string;
}
