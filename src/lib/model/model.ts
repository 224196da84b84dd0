// The loaded model: weights → tfjs parameters → network, plus run(). The only entry point pages need.
import { loadWeights, type LoadOptions } from './load-weights';
import type { WeightsManifest } from './manifest';
import { MaskRcnnNetwork } from './network';
import { Params } from './params';
import { runModel, type ImageInput, type RunOptions } from './run';
import type { ModelTrace } from './trace';

export class MaskRcnnModel {
	private constructor(
		readonly manifest: WeightsManifest,
		private readonly params: Params,
		readonly network: MaskRcnnNetwork
	) {}

	/** Loads `${baseUrl}/manifest.json` and its shards (verified, cached) and builds the network from the config. */
	static async load(baseUrl: string, opts: LoadOptions = {}): Promise<MaskRcnnModel> {
		const { manifest, tensors } = await loadWeights(baseUrl, opts);
		const params = new Params(tensors);
		return new MaskRcnnModel(manifest, params, new MaskRcnnNetwork(manifest.architecture, params));
	}

	get classNames(): string[] {
		return this.manifest.classNames;
	}

	run(image: ImageInput, opts?: RunOptions): Promise<ModelTrace> {
		return runModel(this.network, image, opts);
	}

	dispose(): void {
		this.params.dispose();
	}
}
