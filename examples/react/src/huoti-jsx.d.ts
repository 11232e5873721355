// Types <huoti-liveness> in JSX. React 19 sets a prop as a property when the element has one
// (`plan` as an object, `elderly` as a boolean) and turns `on<event-name>` into
// addEventListener('<event-name>'), so `onhuoti-complete` listens to `huoti-complete`.
import type { HuotiLiveness, HuotiLivenessEventMap } from '@huoti/elements';
import type { DetailedHTMLProps, HTMLAttributes } from 'react';

type HuotiEventProps = {
  [K in keyof HuotiLivenessEventMap as `on${K}`]?: (event: HuotiLivenessEventMap[K]) => void;
};

type HuotiLivenessProps = DetailedHTMLProps<HTMLAttributes<HuotiLiveness>, HuotiLiveness> &
  HuotiEventProps &
  Partial<Pick<HuotiLiveness, 'plan' | 'assetBase' | 'camera' | 'elderly' | 'voice' | 'helper' | 'strings'>> & {
    lang?: 'zh-CN' | 'en';
  };

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'huoti-liveness': HuotiLivenessProps;
    }
  }
}
