import { declareFakeMedia } from '../../../test-support/fake-media.js';
import { describeReadDigitsOnFootage } from './read-digits-real-footage.js';

// GRID lbax4n, a man with glasses: "lay blue at x four now", "four" at 1.42–1.71 s (estimated
// alignment, about ±50 ms); the word itself opens the mouth (MAR up to 0.19 over the baseline at
// 25 fps). The microphone keeps only "four" (±50 ms); see read-digits-real-footage.ts.
const media = declareFakeMedia({ camera: 'grid/grid_lbax4n.mp4', microphone: 'grid/grid_lbax4n.wav', microphoneKeepOnly: '1.37-1.76' });

describeReadDigitsOnFootage(media, { alignPath: 'grid/grid_lbax4n.est.align', digit: 4 });
