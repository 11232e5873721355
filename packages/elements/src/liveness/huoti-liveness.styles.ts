import { css } from 'lit';

/**
 * Every size and colour comes from a `--huoti-*` custom property with a fallback that meets
 * docs/elderly-accessibility.md: contrast ≥ 4.5:1 on the default background, line height ≥ 1.3,
 * targets ≥ 44 px (≥ 60 px for buttons in elderly mode), no flashing, reduced motion respected.
 */
export const huotiLivenessStyles = css`
  :host {
    display: block;
    box-sizing: border-box;
    max-width: var(--huoti-max-width, 40rem);
    color: var(--huoti-text-color, #1a1a1a);
    background: var(--huoti-background, #ffffff);
    font-family: var(--huoti-font-family, system-ui, -apple-system, 'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', sans-serif);
    font-size: var(--huoti-font-size, 16px);
    line-height: var(--huoti-line-height, 1.5);
    --_button-min: var(--huoti-button-min-size, 48px);
    --_prompt-size: var(--huoti-prompt-font-size, 24px);
    --_digits-size: var(--huoti-digits-font-size, 48px);
  }
  :host([elderly]) {
    font-size: var(--huoti-elderly-font-size, 20px);
    --_button-min: var(--huoti-elderly-button-min-size, 64px);
    --_prompt-size: var(--huoti-elderly-prompt-font-size, 34px);
    --_digits-size: var(--huoti-elderly-digits-font-size, 64px);
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  [hidden] {
    display: none !important;
  }
  .region {
    padding: var(--huoti-padding, 1rem);
  }
  h2 {
    margin: 0 0 0.75em;
    font-size: 1.5em;
    line-height: 1.35;
  }
  /* Headings take focus only programmatically, on a screen change (tabindex=-1): not a control, no ring. */
  h2:focus {
    outline: none;
  }
  h3 {
    margin: 1em 0 0.5em;
    font-size: 1.15em;
    line-height: 1.35;
  }
  p,
  li {
    margin: 0 0 0.75em;
  }
  ol,
  ul {
    padding-inline-start: 1.5em;
    margin: 0 0 1em;
  }
  .notice {
    padding: 0.75em 1em;
    margin: 0 0 1em;
    border-radius: var(--huoti-radius, 12px);
    background: var(--huoti-notice-background, #fff4d6);
    color: var(--huoti-notice-color, #1a1a1a);
    border-inline-start: 6px solid var(--huoti-notice-border, #8a5a00);
  }
  .notice p:last-child {
    margin-bottom: 0;
  }
  .hotline {
    font-weight: 700;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75em;
    margin-top: 1.25em;
  }
  button,
  select,
  summary {
    font: inherit;
    line-height: 1.3;
  }
  button {
    min-height: var(--_button-min);
    min-width: var(--_button-min);
    padding: 0.5em 1.25em;
    border-radius: var(--huoti-radius, 12px);
    border: 2px solid var(--huoti-accent, #0b57a4);
    cursor: pointer;
    font-weight: 700;
  }
  button.primary {
    background: var(--huoti-accent, #0b57a4);
    color: var(--huoti-accent-text, #ffffff);
  }
  button.secondary {
    background: var(--huoti-background, #ffffff);
    color: var(--huoti-accent, #0b57a4);
  }
  button:focus-visible,
  select:focus-visible,
  summary:focus-visible {
    outline: 3px solid var(--huoti-focus-ring, #1a1a1a);
    outline-offset: 3px;
  }
  label {
    display: block;
    margin-bottom: 0.25em;
    font-weight: 700;
  }
  select {
    min-height: max(44px, calc(var(--_button-min) - 4px));
    width: 100%;
    padding: 0.25em 0.5em;
    border-radius: var(--huoti-radius, 12px);
    border: 2px solid var(--huoti-muted-color, #4a4a4a);
    background: var(--huoti-background, #ffffff);
    color: inherit;
  }
  summary {
    display: flex;
    align-items: center;
    min-height: 44px;
    cursor: pointer;
    font-weight: 700;
    color: var(--huoti-accent, #0b57a4);
  }
  .stage {
    position: relative;
    overflow: hidden;
    width: 100%;
    max-width: var(--huoti-stage-max-width, 18rem);
    margin: 0 auto 1em;
    aspect-ratio: 3 / 4;
    max-height: 55vh;
    border-radius: var(--huoti-radius, 12px);
    background: var(--huoti-stage-background, #1a1a1a);
  }
  video {
    display: block;
    width: 100%;
    height: 100%;
    object-fit: cover;
  }
  video.mirrored {
    transform: scaleX(-1);
  }
  .guide {
    position: absolute;
    inset: 10% 17%;
    border-radius: 50%;
    border: 4px solid var(--huoti-guide-color, #ffffff);
    box-shadow: 0 0 0 100vmax var(--huoti-guide-shade, rgba(0, 0, 0, 0.45));
    pointer-events: none;
    transition: border-color 300ms ease-out;
  }
  .guide.attention {
    border-color: var(--huoti-guide-attention-color, #ffd166);
  }
  .prompt {
    margin: 0 0 0.5em;
    font-size: var(--_prompt-size);
    line-height: 1.35;
    font-weight: 700;
  }
  .hint {
    min-height: 1.5em;
    font-size: max(1em, calc(var(--_prompt-size) * 0.7));
    line-height: 1.4;
    color: var(--huoti-hint-color, #8a3b00);
    font-weight: 700;
  }
  .progress {
    margin: 0 0 0.25em;
    color: var(--huoti-muted-color, #4a4a4a);
    font-weight: 700;
  }
  .digits {
    display: flex;
    gap: 0.3em;
    margin: 0.25em 0 0.5em;
    padding: 0;
    list-style: none;
    font-size: var(--_digits-size);
    line-height: 1.3;
    font-weight: 700;
    font-variant-numeric: tabular-nums;
    letter-spacing: 0.1em;
  }
  .digits li {
    margin: 0;
  }
  .helper-reminder {
    font-weight: 700;
  }
  .result.passed h2 {
    color: var(--huoti-success, #1a6b2c);
  }
  .result.failed h2,
  .error h2 {
    color: var(--huoti-danger, #b3261e);
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
  @media (prefers-reduced-motion: reduce) {
    *,
    *::before,
    *::after {
      transition: none !important;
      animation: none !important;
    }
  }
`;
