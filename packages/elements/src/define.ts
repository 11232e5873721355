// The only module of @huoti/elements with a side effect: it registers <huoti-liveness>.
import { HuotiLiveness } from './liveness/huoti-liveness.component.js';

// Guarded: a second copy of this module (two bundles on one page) must not throw. The tag is a
// literal so the custom-elements manifest analyzer can read it.
if (typeof customElements !== 'undefined' && !customElements.get('huoti-liveness')) {
  customElements.define('huoti-liveness', HuotiLiveness);
}

export { HuotiLiveness };

declare global {
  interface HTMLElementTagNameMap {
    'huoti-liveness': HuotiLiveness;
  }
}
