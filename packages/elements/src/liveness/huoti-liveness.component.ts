import type { FaceReferenceInput } from '@huoti/liveness';
import type { ChallengePlan } from '@huoti/liveness/protocol';
import { html, LitElement, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { CameraController, type CameraDevice } from '../camera/camera-controller.js';
import { detectPermissionHelpBrowser, PERMISSION_HELP_BROWSERS } from '../camera/permission-help.js';
import { DEFAULT_ELEMENT_TIMING, ELDERLY_ELEMENT_TIMING, type ElementTiming } from '../config/element-timing.js';
import type { CertificationDriver, CertificationDriverEvent, CertificationResult, HintCode } from '../driver/certification-driver.js';
import type { LivenessDriver } from '../driver/liveness-driver.js';
import { HuotiElementError } from '../errors/huoti-element-error.js';
import {
  INITIAL_FLOW_STATE,
  isCameraState,
  transition,
  type FlowErrorCode,
  type FlowEvent,
  type FlowState,
  type FlowStateName,
} from '../flow/certification-flow.js';
import { parsePlan } from '../flow/parse-plan.js';
import type { HuotiPacing, HuotiPlanProvider } from '../flow/plan-request.js';
import type { HuotiLang, HuotiStrings, HuotiStringsOverride } from '../i18n/huoti-strings.js';
import { normalizeLang, resolveStrings } from '../i18n/resolve-strings.js';
import { PromptSpeaker } from '../speech/prompt-speaker.js';
import type { HuotiLivenessEventMap } from './huoti-liveness.events.js';
import { huotiLivenessStyles } from './huoti-liveness.styles.js';

/** Spoken prompts: `on`, `off`, or `auto` (on in elderly mode). A bare `voice` attribute means `on`. */
export type VoiceMode = 'auto' | 'on' | 'off';

const voiceConverter = {
  fromAttribute(value: string | null): VoiceMode {
    if (value === null) return 'auto';
    const normalized = value.trim().toLowerCase();
    if (normalized === 'off' || normalized === 'false') return 'off';
    if (normalized === 'auto') return 'auto';
    return 'on';
  },
  toAttribute(value: VoiceMode): string | null {
    return value === 'auto' ? null : value;
  },
};

interface EngineLikeError {
  readonly code: string;
  readonly localized?: Readonly<Record<HuotiLang, string>>;
}

/**
 * The default driver's module (the `@huoti/liveness` engine client, challenge run, evidence and
 * voice capture) is imported when a run starts, not with the element: the intro and consent
 * screens need none of it, and it then loads alongside the models.
 */
async function loadLivenessDriver(): Promise<LivenessDriver> {
  try {
    const { LivenessDriver: Driver } = await import('../driver/liveness-driver.js');
    return new Driver();
  } catch (cause) {
    throw new HuotiElementError('ENGINE_UNAVAILABLE', `the engine client module did not load: ${String(cause)}`, { cause });
  }
}

const isEngineError = (error: unknown): error is EngineLikeError =>
  typeof error === 'object' && error !== null && typeof (error as { code?: unknown }).code === 'string';

/**
 * `<huoti-liveness>`: the face check of pension qualification certification (养老金待遇资格认证),
 * made for elderly people and their relatives.
 *
 * Flow: intro (free of charge, anti-fraud, 12333) → separate consent to face processing →
 * camera → framing (oval guide, live hints) → challenge steps → result. Declining consent is a
 * normal outcome that shows the offline channels. Analysis is done by a `CertificationDriver`:
 * the `driver` property, or by default a `LivenessDriver` running the `@huoti/liveness` engine
 * from `asset-base`.
 *
 * @summary Elderly-friendly, accessible face check for pension qualification certification.
 *
 * @event huoti-ready - The engine has loaded its models. Detail: `{}`.
 * @event huoti-progress - Model download progress. Detail: `{ loadedBytes, totalBytes }`.
 * @event huoti-step - A challenge step starts or reveals digits. Detail: `{ index, total, kind, digits, prompt }`.
 * @event huoti-hint - Live guidance shown. Detail: `{ code, text }`.
 * @event huoti-complete - The run is over, once per run. Detail: `{ passed, reason?, evidence }`.
 * @event huoti-error - The run stopped on an error. Detail: `{ code, message, cause? }`.
 * @event huoti-declined - The person declined face processing; offline channels are shown. Detail: `{ channels }`.
 *
 * @csspart region - The whole element's content (carries `lang`).
 * @csspart heading - The heading of each screen.
 * @csspart intro - The intro screen.
 * @csspart consent - The consent screen.
 * @csspart declined - The screen with the offline channels.
 * @csspart notice - Highlighted notices (free of charge, anti-fraud, sensitive data).
 * @csspart hotline - The 12333 hotline line.
 * @csspart channels - The list of offline channels.
 * @csspart actions - Each row of buttons.
 * @csspart button - Every button.
 * @csspart primary - The main button of a screen.
 * @csspart secondary - Other buttons.
 * @csspart stage - The box around the camera preview.
 * @csspart video - The camera preview.
 * @csspart guide - The oval face guide over the preview.
 * @csspart status - Status text while the camera starts or models load.
 * @csspart prompt - The main prompt (what to do now).
 * @csspart hint - Live guidance under the prompt.
 * @csspart progress - "Step 1 of 3".
 * @csspart digits - The digits to read aloud.
 * @csspart helper-reminder - Family help mode: the reminder that the pensioner must be on camera.
 * @csspart camera-select - The camera chooser (shown when there is more than one camera).
 * @csspart result - The result screen.
 * @csspart error - The error screen.
 * @csspart help - Help to re-enable the camera permission.
 *
 * @cssproperty --huoti-font-family - Font stack.
 * @cssproperty [--huoti-font-size=16px] - Main text size.
 * @cssproperty [--huoti-elderly-font-size=20px] - Main text size in elderly mode (≥ 18 px).
 * @cssproperty [--huoti-prompt-font-size=24px] - Main prompt size.
 * @cssproperty [--huoti-elderly-prompt-font-size=34px] - Main prompt size in elderly mode (≥ 30 px).
 * @cssproperty [--huoti-digits-font-size=48px] - Digits to read.
 * @cssproperty [--huoti-elderly-digits-font-size=64px] - Digits to read in elderly mode.
 * @cssproperty [--huoti-line-height=1.5] - Line height (keep ≥ 1.3).
 * @cssproperty [--huoti-text-color=#1a1a1a] - Text colour.
 * @cssproperty [--huoti-background=#ffffff] - Background colour.
 * @cssproperty [--huoti-muted-color=#4a4a4a] - Secondary text and borders.
 * @cssproperty [--huoti-accent=#0b57a4] - Main buttons and links.
 * @cssproperty [--huoti-accent-text=#ffffff] - Text on the accent colour.
 * @cssproperty [--huoti-success=#1a6b2c] - "Passed" heading.
 * @cssproperty [--huoti-danger=#b3261e] - "Failed" and error headings.
 * @cssproperty [--huoti-hint-color=#8a3b00] - Live hints.
 * @cssproperty [--huoti-notice-background=#fff4d6] - Notice background.
 * @cssproperty [--huoti-notice-color=#1a1a1a] - Notice text.
 * @cssproperty [--huoti-notice-border=#8a5a00] - Notice side bar.
 * @cssproperty [--huoti-focus-ring=#1a1a1a] - Keyboard focus outline.
 * @cssproperty [--huoti-radius=12px] - Corner radius.
 * @cssproperty [--huoti-padding=1rem] - Padding around the content.
 * @cssproperty [--huoti-max-width=40rem] - Maximum width of the element.
 * @cssproperty [--huoti-button-min-size=48px] - Minimum button height and width (≥ 44 px).
 * @cssproperty [--huoti-elderly-button-min-size=64px] - Minimum button size in elderly mode (≥ 60 px).
 * @cssproperty [--huoti-stage-background=#1a1a1a] - Behind the camera preview.
 * @cssproperty [--huoti-stage-max-width=18rem] - Width of the camera preview (3:4 portrait).
 * @cssproperty [--huoti-guide-color=#ffffff] - The oval guide.
 * @cssproperty [--huoti-guide-attention-color=#ffd166] - The oval guide while a hint asks for a correction.
 * @cssproperty [--huoti-guide-shade=rgba(0,0,0,0.45)] - Shade outside the oval.
 */
export class HuotiLiveness extends LitElement {
  static override styles = huotiLivenessStyles;

  static override properties: PropertyDeclarations = {
    plan: {},
    assetBase: { attribute: 'asset-base' },
    lang: { reflect: true },
    camera: {},
    elderly: { type: Boolean, reflect: true },
    voice: { converter: voiceConverter },
    helper: { type: Boolean, reflect: true },
    strings: { attribute: false },
    driver: { attribute: false },
    planProvider: { attribute: false },
    faceReference: { attribute: false },
  };

  /**
   * Asset base used when the element has no `asset-base`: the script-tag build sets it from
   * its own `<script data-asset-base>`.
   */
  static defaultAssetBase: string | null = null;

  /** The challenge plan: JSON text in the attribute, or an object through the property. */
  declare plan: ChallengePlan | string | null;
  /** Where the engine's models and wasm are served from; default: next to the engine's own module. */
  declare assetBase: string | null;
  /** `zh-CN` (default) or `en`. */
  declare lang: string;
  /** `user` (default), `environment`, or a camera deviceId. */
  declare camera: string | null;
  /** Elderly mode: large type, ≥ 60 px buttons, slower pacing, longer timeouts, spoken prompts by default. */
  declare elderly: boolean;
  /** Spoken prompts through `speechSynthesis` when a voice for the language exists: `on`, `off`, `auto`. */
  declare voice: VoiceMode;
  /** Family help (亲情服务): prompts address the relative holding the phone; any camera may be chosen. */
  declare helper: boolean;
  /** Overrides any text; grouped tables (`hints`, `errors`, …) merge per entry. */
  declare strings: HuotiStringsOverride | null;
  /** Runs the analysis; `null` (default) uses a {@link LivenessDriver} over `@huoti/liveness`. */
  declare driver: CertificationDriver | null;
  /**
   * Fetches a fresh signed plan at the start of each run (after consent, while the camera starts),
   * asked with `{ pacing, lang, helper, signal }`; when set, the `plan` attribute is not used.
   * `pacing` is `elderly` in elderly mode: pass it to `issuePlan({ pacing })` for longer step
   * timeouts. Property only; `null` (default): the `plan` attribute/property.
   */
  declare planProvider: HuotiPlanProvider | null;
  /**
   * The pensioner's reference for 1:1 face match, supplied by the portal (a photo as `Blob`,
   * `ImageBitmap`, `HTMLImageElement` or `ImageData`, or an embedding as `Float32Array`); used when
   * the plan has a `faceMatch` step. Property only; `null` (default): liveness only.
   */
  declare faceReference: FaceReferenceInput | null;

  #flow: FlowState = INITIAL_FLOW_STATE;
  #camera = new CameraController({ onDisconnected: () => this.#onCameraLost() });
  #speaker = new PromptSpeaker();
  #run: AbortController | null = null;
  #cameras: readonly CameraDevice[] = [];
  #isRearFacing = false;
  #loadPercent: number | null | undefined = undefined;
  #announcement = '';
  #announceToggle = false;
  #errorMessage = '';
  #lastHintAtMs = Number.NEGATIVE_INFINITY;
  #pendingHint: HintCode | null = null;
  #hintTimer: ReturnType<typeof setTimeout> | undefined;
  #shouldFocusHeading = false;
  #defaultDriver: LivenessDriver | null = null;
  /** The read-digits AudioContext of the current run, made in the click that started it. */
  #audioContext: AudioContext | null = null;

  constructor() {
    super();
    this.plan = null;
    this.assetBase = null;
    this.camera = null;
    this.elderly = false;
    this.voice = 'auto';
    this.helper = false;
    this.strings = null;
    this.driver = null;
    this.planProvider = null;
    this.faceReference = null;
  }

  /** `elderly` in elderly mode, else `standard`: the pacing the plan provider is asked for. */
  get pacing(): HuotiPacing {
    return this.elderly ? 'elderly' : 'standard';
  }

  /** The current screen; also reflected as the `state` attribute. */
  get state(): FlowStateName {
    return this.#flow.name;
  }

  /** The camera stream while one runs (for diagnostics and tests); `null` otherwise. */
  get cameraStream(): MediaStream | null {
    return this.#camera.stream;
  }

  /** Leaves the intro for the consent screen (what the start button does). */
  start(): void {
    this.#dispatch({ type: 'START' }, true);
  }

  /** A truly fresh run: stops the camera and any analysis and returns to the intro. */
  reset(): void {
    this.#stopRun();
    this.#dispatch({ type: 'RESET' }, true);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Re-attached mid-run (moved in the DOM): the camera was released on disconnect; start it again.
    if (isCameraState(this.#flow) && !this.#run) {
      this.#flow = { name: 'camera' };
      void this.#startRun();
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#stopRun();
  }

  /** The `driver` property, else the default engine driver (its module loads on first use). */
  async #loadDriver(): Promise<CertificationDriver> {
    return this.driver ?? (this.#defaultDriver ??= await loadLivenessDriver());
  }

  get #lang(): HuotiLang {
    return normalizeLang(this.lang);
  }

  get #strings(): HuotiStrings {
    return resolveStrings(this.#lang, this.strings);
  }

  get #timing(): ElementTiming {
    return this.elderly ? ELDERLY_ELEMENT_TIMING : DEFAULT_ELEMENT_TIMING;
  }

  get #isVoiceOn(): boolean {
    return this.voice === 'on' || (this.voice === 'auto' && this.elderly);
  }

  #emit<K extends keyof HuotiLivenessEventMap>(type: K, detail: HuotiLivenessEventMap[K]['detail']): void {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }

  #dispatch(event: FlowEvent, isUserAction = false): boolean {
    const previous = this.#flow;
    const next = transition(previous, event);
    if (next === previous) return false;
    this.#flow = next;
    if (next.name !== previous.name) {
      const focusIsHere = document.activeElement === this || document.activeElement === document.body || document.activeElement === null;
      this.#shouldFocusHeading = isUserAction || focusIsHere;
      if (!isCameraState(next)) this.#stopRun();
    }
    this.#announceState(previous);
    this.requestUpdate();
    return true;
  }

  #announce(text: string, shouldSpeak: boolean): void {
    // A trailing no-break space toggles so that repeating the same text is announced again.
    this.#announceToggle = !this.#announceToggle;
    this.#announcement = text + (this.#announceToggle ? '\u00a0' : '');
    if (shouldSpeak && this.#isVoiceOn) this.#speaker.speak(text, this.#lang, this.#timing.speechRate);
    this.requestUpdate();
  }

  /** Joins sentences for the live region and speech. */
  #sentences(...parts: readonly string[]): string {
    return this.#lang === 'en' ? parts.join('. ').replace(/\.\./g, '.') : parts.join('。').replace(/。。/g, '。');
  }

  #promptText(): string {
    const s = this.#strings;
    const flow = this.#flow;
    switch (flow.name) {
      case 'intro':
        return s.introHeading;
      case 'consent':
        return this.#sentences(s.consentHeading, s.consentSensitive);
      case 'declined':
        return this.#sentences(s.declinedHeading, s.declinedIntro);
      case 'camera':
        return s.cameraRequesting;
      case 'framing':
        return flow.hint ? this.#hintText(flow.hint) : this.helper ? s.framingPromptHelper : s.framingPrompt;
      case 'step': {
        const prompt = (this.helper ? s.helperStepPrompts : s.stepPrompts)[flow.kind];
        const digits = flow.digits.length > 0 ? ` ${flow.digits.join(' ')}` : '';
        return this.#sentences(s.stepProgress(flow.index + 1, flow.total), prompt + digits);
      }
      case 'result':
        return flow.passed ? this.#sentences(s.passedHeading, s.passedBody) : this.#sentences(s.failedHeading, s.failureReasons[flow.reason]);
      case 'error':
        return this.#errorMessage;
    }
  }

  #announceState(previous: FlowState): void {
    const flow = this.#flow;
    const isSpoken = flow.name === 'framing' || flow.name === 'step' || flow.name === 'result' || flow.name === 'error';
    if (flow.name === previous.name && flow.name !== 'step') {
      if (flow.name === 'framing' && flow.hint) this.#announce(this.#hintText(flow.hint), true);
      return;
    }
    if (flow.name === 'step' && previous.name === 'step' && previous.index === flow.index && previous.kind === flow.kind) {
      if (flow.digits.length !== previous.digits.length) this.#announce(flow.digits.join(' '), true);
      else if (flow.hint && flow.hint !== previous.hint) this.#announce(this.#hintText(flow.hint), true);
      return;
    }
    this.#announce(this.#promptText(), isSpoken);
  }

  #hintText(code: HintCode): string {
    const table = this.helper ? this.#strings.helperHints : this.#strings.hints;
    return table[code] ?? table.LOOK_AT_SCREEN;
  }

  #repeatPrompt(): void {
    this.#announce(this.#promptText(), true);
  }

  #fail(code: FlowErrorCode, message: string, cause?: unknown): void {
    this.#errorMessage = message;
    if (this.#dispatch({ type: 'FAIL', code })) this.#emit('huoti-error', cause === undefined ? { code, message } : { code, message, cause });
  }

  #failWith(error: unknown): void {
    if (error instanceof HuotiElementError) {
      this.#fail(error.code, this.#strings.errors[error.code], error);
    } else if (isEngineError(error) && error.localized?.[this.#lang]) {
      this.#fail(error.code as FlowErrorCode, `${error.localized[this.#lang]}${this.#lang === 'en' ? ' ' : ''}${this.#strings.hotlineHint}`, error);
    } else {
      this.#fail('ENGINE_FAILED', this.#strings.errors.ENGINE_FAILED, error);
    }
  }

  #onStart(): void {
    this.#dispatch({ type: 'START' }, true);
  }

  #onAccept(): void {
    if (this.#checkReady()) {
      this.#dispatch({ type: 'ACCEPT' }, true);
      void this.#startRun(this.#openAudioInGesture());
    }
  }

  #onDecline(): void {
    if (this.#dispatch({ type: 'DECLINE' }, true)) this.#emit('huoti-declined', { channels: { ...this.#strings.offlineChannels } });
  }

  #onBack(): void {
    this.#dispatch({ type: 'BACK' }, true);
  }

  #onRetry(): void {
    if (this.#flow.name !== 'result' && this.#flow.name !== 'error') return;
    if (!this.#checkReady()) return;
    this.#dispatch({ type: 'RETRY' }, true);
    void this.#startRun(this.#openAudioInGesture());
  }

  /**
   * Runs inside the click that starts a run. A browser lets an AudioContext run when it is made in
   * a user gesture; one made seconds later, once the models have loaded, may stay suspended
   * (Safari, WeChat's webview, Chrome with a strict autoplay policy). Only for plans that may read
   * digits; the run closes it.
   */
  #openAudioInGesture(): AudioContext | null {
    if (typeof AudioContext === 'undefined' || !this.#mayReadDigits()) return null;
    const context = new AudioContext();
    // Settles at once in a gesture. A context that stays suspended is reported by the run itself
    // (AUDIO_BLOCKED, with "try again": another gesture), so this rejection has nothing to add.
    context.resume().catch(() => undefined);
    return context;
  }

  #mayReadDigits(): boolean {
    if (this.planProvider) return true; // the plan is not known until the provider answers
    try {
      return parsePlan(this.plan, Date.now())?.steps.some((step) => step.kind === 'readDigits') ?? false;
    } catch {
      return false; // #checkReady has already reported the bad plan
    }
  }

  /** Plan and driver problems stop the flow before the camera is asked for. */
  #checkReady(): boolean {
    if (this.planProvider) return true; // its plan is checked when it arrives
    try {
      parsePlan(this.plan, Date.now());
    } catch (error) {
      this.#failFromConsentOrResult(error);
      return false;
    }
    return true;
  }

  #failFromConsentOrResult(error: unknown): void {
    // From a result or error screen, route through the camera state so that FAIL applies.
    if (this.#flow.name === 'result' || this.#flow.name === 'error') this.#flow = { name: 'camera' };
    this.#shouldFocusHeading = true;
    this.#failWith(error);
  }

  #stopRun(): void {
    this.#run?.abort(new DOMException('The certification run was stopped', 'AbortError'));
    this.#run = null;
    // Closing cannot fail in a way worth reporting: the run that used it is over.
    this.#audioContext?.close().catch(() => undefined);
    this.#audioContext = null;
    this.#camera.stop();
    clearTimeout(this.#hintTimer);
    this.#hintTimer = undefined;
    this.#pendingHint = null;
    this.#speaker.cancel();
    this.#cameras = [];
    this.#loadPercent = undefined;
    const video = this.renderRoot?.querySelector?.('video');
    if (video) video.srcObject = null;
  }

  #onCameraLost(): void {
    if (!isCameraState(this.#flow)) return;
    this.#failWith(new HuotiElementError('CAMERA_DISCONNECTED', 'the camera track ended by itself'));
  }

  /** The run's plan: a fresh one from `planProvider`, else the `plan` attribute/property. */
  async #loadPlan(signal: AbortSignal): Promise<ChallengePlan | null> {
    const provider = this.planProvider;
    if (!provider) return parsePlan(this.plan, Date.now());
    let answer: ChallengePlan | string;
    try {
      answer = await provider({ pacing: this.pacing, lang: this.#lang, helper: this.helper, signal });
    } catch (cause) {
      signal.throwIfAborted();
      throw new HuotiElementError('PLAN_UNAVAILABLE', `the plan provider failed: ${String(cause)}`, { cause });
    }
    return parsePlan(answer, Date.now());
  }

  /** `audioContext`: made in the click that started this run (see {@link #openAudioInGesture}); this run closes it. */
  async #startRun(audioContext: AudioContext | null = null): Promise<void> {
    this.#stopRun();
    this.#audioContext = audioContext;
    const run = new AbortController();
    this.#run = run;
    const { signal } = run;
    let plan: ChallengePlan | null;
    // The driver's module and the plan load while the person answers the camera prompt.
    const driverLoading = this.#loadDriver();
    const planLoading = this.#loadPlan(signal);
    // Both are awaited below, which reports a failure; these only keep them from going unhandled meanwhile.
    driverLoading.catch(() => undefined);
    planLoading.catch(() => undefined);
    try {
      const stream = await this.#camera.start(this.camera ?? 'user', signal);
      await this.#attachStream(stream);
      signal.throwIfAborted();
      plan = await planLoading;
      signal.throwIfAborted();
    } catch (error) {
      if (!signal.aborted) this.#failWith(error);
      return;
    }
    this.#isRearFacing = this.#camera.isRearFacing;
    this.#dispatch({ type: 'CAMERA_READY' });
    void this.#refreshCameras(signal);
    const video = this.renderRoot.querySelector('video');
    if (!video) {
      this.#failWith(new HuotiElementError('ENGINE_UNAVAILABLE', 'the camera preview of <huoti-liveness> is not rendered'));
      return;
    }
    const assetBase = this.assetBase ?? HuotiLiveness.defaultAssetBase;
    try {
      const driver = await driverLoading;
      signal.throwIfAborted();
      const events = driver.run({
        video,
        plan,
        signal,
        assetBaseUrl: assetBase ? new URL(assetBase, document.baseURI) : null,
        elderly: this.elderly,
        pacing: this.pacing,
        timeoutScale: this.#timing.timeoutScale,
        audioContext: this.#audioContext,
        lang: this.#lang,
        faceReference: this.faceReference,
      });
      for await (const event of events) {
        if (signal.aborted) return;
        if (this.#onDriverEvent(event)) return;
      }
      if (!signal.aborted) this.#failWith(new HuotiElementError('ENGINE_FAILED', 'the driver ended without a result'));
    } catch (error) {
      if (!signal.aborted) this.#failWith(error);
    }
  }

  async #attachStream(stream: MediaStream): Promise<void> {
    await this.updateComplete;
    const video = this.renderRoot.querySelector('video');
    if (!video) return;
    video.srcObject = stream;
    try {
      await video.play();
    } catch (error) {
      // AbortError: a newer stream replaced this one (camera switch, reset); that run goes on.
      if ((error as { name?: unknown }).name === 'AbortError') return;
      throw new HuotiElementError('CAMERA_BUSY', `the camera preview did not play: ${String(error)}`, { cause: error });
    }
  }

  async #refreshCameras(signal: AbortSignal): Promise<void> {
    try {
      const cameras = await this.#camera.listCameras();
      if (signal.aborted) return;
      this.#cameras = cameras;
      this.requestUpdate();
    } catch {
      // enumerateDevices failing only hides the camera chooser; the run goes on with the current camera
      return;
    }
  }

  async #onCameraChange(event: Event): Promise<void> {
    const deviceId = (event.target as HTMLSelectElement).value;
    const signal = this.#run?.signal;
    if (!signal || deviceId === this.#camera.deviceId) return;
    try {
      const stream = await this.#camera.switchTo(deviceId, signal);
      await this.#attachStream(stream);
      this.#isRearFacing = this.#camera.isRearFacing;
      this.requestUpdate();
    } catch (error) {
      if (!signal.aborted) this.#failWith(error);
    }
  }

  /** Returns true when the run is over. */
  #onDriverEvent(event: CertificationDriverEvent): boolean {
    switch (event.type) {
      case 'progress': {
        this.#loadPercent = event.totalBytes ? Math.min(100, Math.round((event.loadedBytes / event.totalBytes) * 100)) : null;
        this.#emit('huoti-progress', { loadedBytes: event.loadedBytes, totalBytes: event.totalBytes });
        this.requestUpdate();
        return false;
      }
      case 'ready':
        this.#loadPercent = undefined;
        this.#emit('huoti-ready', {});
        this.requestUpdate();
        return false;
      case 'hint':
        this.#queueHint(event.code);
        return false;
      case 'step': {
        const digits = event.digits ?? [];
        if (this.#dispatch({ type: 'STEP', index: event.index, total: event.total, kind: event.kind, digits })) {
          const prompt = (this.helper ? this.#strings.helperStepPrompts : this.#strings.stepPrompts)[event.kind];
          this.#emit('huoti-step', { index: event.index, total: event.total, kind: event.kind, digits, prompt });
        }
        return false;
      }
      case 'complete':
        this.#complete(event.result);
        return true;
    }
  }

  #complete(result: CertificationResult): void {
    const moved = this.#dispatch(result.passed ? { type: 'COMPLETE', passed: true } : { type: 'COMPLETE', passed: false, reason: result.reason });
    if (moved) this.#emit('huoti-complete', result);
  }

  /** Hints change at most every `hintMinDisplayMs`; the latest one wins. */
  #queueHint(code: HintCode): void {
    this.#pendingHint = code;
    if (this.#hintTimer !== undefined) return;
    const waitMs = this.#lastHintAtMs + this.#timing.hintMinDisplayMs - performance.now();
    if (waitMs <= 0) {
      this.#showPendingHint();
    } else {
      this.#hintTimer = setTimeout(() => {
        this.#hintTimer = undefined;
        this.#showPendingHint();
      }, waitMs);
    }
  }

  #showPendingHint(): void {
    const code = this.#pendingHint;
    this.#pendingHint = null;
    if (code === null) return;
    if (this.#dispatch({ type: 'HINT', code })) {
      this.#lastHintAtMs = performance.now();
      this.#emit('huoti-hint', { code, text: this.#hintText(code) });
    }
  }

  override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (this.getAttribute('state') !== this.#flow.name) this.setAttribute('state', this.#flow.name);
    if (this.#shouldFocusHeading) {
      this.#shouldFocusHeading = false;
      this.renderRoot.querySelector<HTMLElement>('h2')?.focus();
    }
  }

  override render(): TemplateResult {
    const s = this.#strings;
    const flow = this.#flow;
    const cameraState = isCameraState(flow);
    return html`
      <section part="region" class="region" lang=${this.#lang} aria-label=${s.regionLabel}>
        <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">${this.#announcement}</div>
        ${this.#renderScreen(s, flow)}
        <div part="stage" class="stage" ?hidden=${!cameraState || flow.name === 'camera'}>
          <video
            part="video"
            class=${this.#isRearFacing ? '' : 'mirrored'}
            aria-label=${s.videoLabel}
            muted
            playsinline
            disablepictureinpicture
          ></video>
          <div part="guide" class="guide ${this.#currentHint() ? 'attention' : ''}" aria-hidden="true"></div>
        </div>
        ${cameraState && flow.name !== 'camera' ? this.#renderLiveControls(s) : nothing}
      </section>
    `;
  }

  #currentHint(): HintCode | null {
    const flow = this.#flow;
    return flow.name === 'framing' || flow.name === 'step' ? flow.hint : null;
  }

  #heading(text: string): TemplateResult {
    return html`<h2 part="heading" tabindex="-1">${text}</h2>`;
  }

  #hotline(s: HuotiStrings): TemplateResult {
    return html`<p part="hotline" class="hotline">${s.hotline}</p>`;
  }

  #renderScreen(s: HuotiStrings, flow: FlowState): TemplateResult {
    switch (flow.name) {
      case 'intro':
        return html`<div part="intro">
          ${this.#heading(s.introHeading)}
          <ol>
            ${s.introSteps.map((step) => html`<li>${step}</li>`)}
          </ol>
          ${this.helper ? html`<p part="helper-reminder" class="helper-reminder">${s.introHelperNote}</p>` : nothing}
          <div part="notice" class="notice">
            <p><strong>${s.freeOfCharge}</strong></p>
            <p>${s.antiFraud}</p>
          </div>
          ${this.#hotline(s)}
          <div part="actions" class="actions">
            <button part="button primary" class="primary" type="button" @click=${this.#onStart}>${s.startButton}</button>
          </div>
        </div>`;
      case 'consent':
        return html`<div part="consent">
          ${this.#heading(s.consentHeading)}
          <div part="notice" class="notice"><p>${s.consentSensitive}</p></div>
          <p>${s.consentPurpose}</p>
          <p>${s.consentRetention}</p>
          <p>${s.consentAlternative}</p>
          <div part="actions" class="actions">
            <button part="button primary" class="primary" type="button" @click=${this.#onAccept}>${s.consentAccept}</button>
            <button part="button secondary" class="secondary" type="button" @click=${this.#onDecline}>${s.consentDecline}</button>
          </div>
        </div>`;
      case 'declined':
        return html`<div part="declined">
          ${this.#heading(s.declinedHeading)}
          <p>${s.declinedIntro}</p>
          ${this.#renderChannels(s)} ${this.#hotline(s)}
          <div part="actions" class="actions">
            <button part="button secondary" class="secondary" type="button" @click=${this.#onBack}>${s.backButton}</button>
          </div>
        </div>`;
      case 'camera':
        return html`<div>
          ${this.#heading(s.cameraHeading)}
          <p part="status">${s.cameraRequesting}</p>
        </div>`;
      case 'framing':
        return html`<div>
          ${this.#heading(s.framingHeading)}
          <p part="prompt" class="prompt">${this.helper ? s.framingPromptHelper : s.framingPrompt}</p>
          <p part="hint" class="hint">${flow.hint ? this.#hintText(flow.hint) : nothing}</p>
          ${this.#loadPercent !== undefined ? html`<p part="status">${s.loadingModels(this.#loadPercent)}</p>` : nothing}
        </div>`;
      case 'step':
        return html`<div>
          <p part="progress" class="progress">${s.stepProgress(flow.index + 1, flow.total)}</p>
          <h2 part="heading prompt" class="prompt" tabindex="-1">${(this.helper ? s.helperStepPrompts : s.stepPrompts)[flow.kind]}</h2>
          ${flow.kind === 'readDigits'
            ? html`<ol part="digits" class="digits" aria-label=${s.digitsLabel}>
                ${flow.digits.map((digit) => html`<li>${digit}</li>`)}
              </ol>`
            : nothing}
          <p part="hint" class="hint">${flow.hint ? this.#hintText(flow.hint) : nothing}</p>
        </div>`;
      case 'result':
        return html`<div part="result" class="result ${flow.passed ? 'passed' : 'failed'}">
          ${this.#heading(flow.passed ? s.passedHeading : s.failedHeading)}
          <p>${flow.passed ? s.passedBody : s.failureReasons[flow.reason]}</p>
          ${flow.passed
            ? nothing
            : html`<p>${s.offlineHint}</p>
                <div part="actions" class="actions">
                  <button part="button primary" class="primary" type="button" @click=${this.#onRetry}>${s.retryButton}</button>
                </div>`}
        </div>`;
      case 'error':
        return html`<div part="error" class="error">
          ${this.#heading(s.errorHeading)}
          <p>${this.#errorMessage}</p>
          ${flow.code === 'CAMERA_DENIED' || flow.code === 'MICROPHONE_DENIED' ? this.#renderPermissionHelp(s) : nothing}
          <p>${s.offlineHint}</p>
          <div part="actions" class="actions">
            <button part="button primary" class="primary" type="button" @click=${this.#onRetry}>${s.retryButton}</button>
            <button part="button secondary" class="secondary" type="button" @click=${this.reset}>${s.restartButton}</button>
          </div>
        </div>`;
    }
  }

  #renderChannels(s: HuotiStrings): TemplateResult {
    return html`<ul part="channels">
      <li>${s.offlineChannels.bureau}</li>
      <li>${s.offlineChannels.community}</li>
      <li>${s.offlineChannels.homeVisit}</li>
    </ul>`;
  }

  #renderPermissionHelp(s: HuotiStrings): TemplateResult {
    const detected = detectPermissionHelpBrowser(navigator.userAgent);
    const others = PERMISSION_HELP_BROWSERS.filter((browser) => browser !== detected);
    return html`<div part="help">
      <h3>${s.permissionHelpHeading}</h3>
      <p><strong>${s.browserNames[detected]}</strong><br />${s.permissionHelp[detected]}</p>
      <details>
        <summary>${s.permissionHelpOthers}</summary>
        <ul>
          ${others.map((browser) => html`<li><strong>${s.browserNames[browser]}</strong><br />${s.permissionHelp[browser]}</li>`)}
        </ul>
      </details>
    </div>`;
  }

  #renderLiveControls(s: HuotiStrings): TemplateResult {
    const current = this.#camera.deviceId;
    return html`
      ${this.helper ? html`<p part="helper-reminder" class="helper-reminder">${s.helperReminder}</p>` : nothing}
      <div part="actions" class="actions">
        <button part="button secondary" class="secondary" type="button" @click=${this.#repeatPrompt}>${s.repeatButton}</button>
      </div>
      ${this.#cameras.length > 1
        ? html`<div part="camera-select">
            <label for="camera-select">${s.cameraSelectLabel}</label>
            <select id="camera-select" @change=${this.#onCameraChange}>
              ${this.#cameras.map(
                (camera, index) =>
                  html`<option value=${camera.deviceId} ?selected=${camera.deviceId === current}>${camera.label || s.cameraOption(index + 1)}</option>`,
              )}
            </select>
          </div>`
        : nothing}
    `;
  }
}
