/** Where a person living outside mainland China lives (for consular or local proof of life). */
export type AbroadRegion = 'hongKongMacao' | 'taiwan' | 'foreign';

/** Mobility of the person. */
export type Mobility = 'independent' | 'limited' | 'immobile';

/** Facts about a person that decide which certification channels suit them; all optional. */
export interface ChannelFacts {
  /** Owns a smartphone (default false). */
  readonly hasSmartphone?: boolean;
  /** Can run a face check on it without help (default: same as `hasSmartphone`). */
  readonly canUseSmartphoneAlone?: boolean;
  readonly usesWeChat?: boolean;
  readonly usesAlipay?: boolean;
  /** Default `independent`. */
  readonly mobility?: Mobility;
  readonly hospitalised?: boolean;
  readonly livingAbroad?: boolean;
  readonly abroadRegion?: AbroadRegion | null;
  /** Lives in mainland China away from the place where the benefit is paid. */
  readonly livingElsewhere?: boolean;
  /** A relative (adult, own phone) can help with 亲情服务. */
  readonly relativeAvailable?: boolean;
  /** Face checks failed recently (appeal to manual review, or go in person). */
  readonly faceCheckFailed?: boolean;
}
