import { declareFakeMedia } from '../../../test-support/fake-media.js';
import { describeReadDigitsOnFootage } from './read-digits-real-footage.js';

// GRID pwij3p, a man with short grey hair: "place white in j three please", "three" at 1.42–1.70 s
// (estimated alignment, about ±50 ms); the word itself opens the mouth (MAR up to 0.13 over the
// baseline at 25 fps). The microphone keeps only "three" (±50 ms); see read-digits-real-footage.ts.
const media = declareFakeMedia({ camera: 'grid/grid_pwij3p.mp4', microphone: 'grid/grid_pwij3p.wav', microphoneKeepOnly: '1.37-1.75' });

describeReadDigitsOnFootage(media, { alignPath: 'grid/grid_pwij3p.est.align', digit: 3 });
