import type { HuotiStrings } from './huoti-strings.js';

const HOTLINE_HINT = 'For help, call the social security hotline 12333.';

/** English. */
export const en = {
  regionLabel: 'Pension qualification certification (face check)',

  introHeading: 'Face check',
  introSteps: [
    'First read and agree to how your face data is processed.',
    'Turn on the camera and place your face inside the oval.',
    'Follow a few simple prompts, such as blinking, opening your mouth or reading digits aloud.',
    'You see the result straight away.',
  ],
  introHelperNote: 'Family help mode: a relative may hold the phone, but the person on camera must be the pensioner.',
  freeOfCharge: 'Certification is free of charge.',
  antiFraud:
    'Anyone who asks you for a code or password, or asks you to pay or transfer money, is a scammer. Ignore them and do not open unknown links.',
  hotline: 'Questions? Call the social security hotline 12333.',
  startButton: 'Start',

  consentHeading: 'How your face data is processed',
  consentSensitive:
    'Face data is sensitive personal information under the Personal Information Protection Law; it is processed only with your separate consent.',
  consentPurpose: 'Purpose: only this pension qualification certification, to confirm that you are present in person.',
  consentRetention:
    'Retention: the camera picture is analysed on this device only, never uploaded or stored; only the result and verification data go to the social security agency and are kept for the legally required period.',
  consentAlternative:
    'You do not have to use your face: you can certify at a social security office or community service centre, or ask for a home visit if you cannot travel.',
  consentAccept: 'Agree and continue',
  consentDecline: 'Decline, use another way',

  declinedHeading: 'Other ways to certify',
  declinedIntro: 'You can certify without the face check; the result is the same:',
  offlineChannels: {
    bureau: 'At your local social security office counter.',
    community: 'At your street, township or community service centre.',
    homeVisit: 'If you are frail or cannot travel, ask for a home visit.',
  },
  backButton: 'Back',

  cameraHeading: 'Turning on the camera',
  cameraRequesting: 'Turning on the camera. If the browser asks whether to allow the camera, choose "Allow".',
  cameraSelectLabel: 'Camera',
  cameraOption: (n) => `Camera ${n}`,

  framingHeading: 'Position your face',
  framingPrompt: 'Place your face inside the oval, in good light.',
  framingPromptHelper: "Ask the pensioner to look at the screen, and keep their face inside the oval.",
  helperReminder: 'Remember: the pensioner must be on camera, with their face visible the whole time.',
  videoLabel: 'Camera picture',
  preparing: 'Getting ready, please wait.',
  loadingModels: (percent) => (percent === null ? 'Loading face analysis, please wait.' : `Loading face analysis: ${percent}%`),
  hints: {
    NO_FACE: 'No face found. Place your face inside the oval.',
    MULTIPLE_FACES: 'Only one person may be in the picture.',
    MOVE_CLOSER: 'Move a little closer.',
    MOVE_BACK: 'Move a little further away.',
    CENTER_FACE: 'Move your face to the middle of the oval.',
    TOO_DARK: 'Too dark. Move somewhere brighter.',
    TOO_BRIGHT: 'Too bright. Avoid strong light behind or on you.',
    BLURRY: 'The picture is blurred. Hold the phone steady and wipe the lens.',
    HOLD_STILL: 'Hold still.',
    FACE_COVERED: 'Remove your mask, hat or sunglasses so your whole face shows.',
    LOOK_AT_SCREEN: 'Look at the screen.',
  },
  helperHints: {
    NO_FACE: "The pensioner's face is not visible. Keep it inside the oval.",
    MULTIPLE_FACES: 'Only the pensioner may be in the picture; please step out of view.',
    MOVE_CLOSER: 'Move the phone a little closer to the pensioner.',
    MOVE_BACK: 'Move the phone a little further from the pensioner.',
    CENTER_FACE: "Move the pensioner's face to the middle of the oval.",
    TOO_DARK: 'Too dark. Move somewhere brighter.',
    TOO_BRIGHT: 'Too bright. Avoid strong light.',
    BLURRY: 'The picture is blurred. Hold the phone steady and wipe the lens.',
    HOLD_STILL: 'Hold the phone steady and ask the pensioner to keep still.',
    FACE_COVERED: 'Help the pensioner remove any mask, hat or sunglasses.',
    LOOK_AT_SCREEN: 'Ask the pensioner to look at the screen.',
  },

  stepProgress: (index, total) => `Step ${index} of ${total}`,
  stepPrompts: {
    blink: 'Blink your eyes',
    mouthOpen: 'Open your mouth',
    turnLeft: 'Slowly turn your head left',
    turnRight: 'Slowly turn your head right',
    nod: 'Slowly nod your head',
    readDigits: 'Read these digits aloud',
  },
  helperStepPrompts: {
    blink: 'Ask the pensioner to blink',
    mouthOpen: 'Ask the pensioner to open their mouth',
    turnLeft: 'Ask the pensioner to slowly turn their head left',
    turnRight: 'Ask the pensioner to slowly turn their head right',
    nod: 'Ask the pensioner to slowly nod',
    readDigits: 'Ask the pensioner to read these digits aloud',
  },
  digitsLabel: 'Digits to read',
  repeatButton: 'Repeat',

  passedHeading: 'Certification passed',
  passedBody: 'Your pension qualification certification is complete. Thank you.',
  failedHeading: 'Certification did not pass',
  failureReasons: {
    STEP_TIMEOUT: `A prompt was not completed in time. Try again in good light. ${HOTLINE_HINT}`,
    NOT_LIVE: `We could not confirm that you are present in person. Face the camera yourself and try again. ${HOTLINE_HINT}`,
    FACE_LOST: `Your face left the picture. Keep it inside the oval and try again. ${HOTLINE_HINT}`,
    FACE_CHANGED: `The person in the picture changed. The pensioner must face the camera throughout. ${HOTLINE_HINT}`,
    TOO_MANY_ATTEMPTS: `Too many attempts. Please certify at a social security office or community centre. ${HOTLINE_HINT}`,
  },
  retryButton: 'Try again',
  restartButton: 'Start over',

  errorHeading: 'Certification cannot continue',
  errors: {
    CAMERA_DENIED: `Camera permission was refused. Allow the camera as shown below, then try again. ${HOTLINE_HINT}`,
    CAMERA_NOT_FOUND: `No camera was found. Use a phone or computer with a camera. ${HOTLINE_HINT}`,
    CAMERA_BUSY: `Another app is using the camera. Close apps that take photos or make video calls, then try again. ${HOTLINE_HINT}`,
    CAMERA_OVERCONSTRAINED: `The chosen camera is not available. Choose another camera and try again. ${HOTLINE_HINT}`,
    CAMERA_DISCONNECTED: `The camera stopped during the check. Check the camera and start again. ${HOTLINE_HINT}`,
    CAMERA_UNSUPPORTED: `This browser cannot use the camera. Open this page in the phone's own browser, WeChat or Alipay. ${HOTLINE_HINT}`,
    ENGINE_UNAVAILABLE: `The face check is not available right now. Try later or certify at an office. ${HOTLINE_HINT}`,
    ENGINE_FAILED: `The face analysis failed. Reload the page and try again. ${HOTLINE_HINT}`,
    PLAN_INVALID: `The certification details are invalid. Go back and open this page again. ${HOTLINE_HINT}`,
    PLAN_EXPIRED: `This certification page has expired. Go back and open it again. ${HOTLINE_HINT}`,
  },
  hotlineHint: HOTLINE_HINT,
  permissionHelpHeading: 'How to allow the camera again',
  permissionHelpOthers: 'Other phones, browsers and apps',
  permissionHelp: {
    chromeAndroid: 'Tap the icon left of the address bar, choose "Permissions" or "Site settings", set Camera to "Allow", then reload.',
    safariIos: 'Open Settings, then Safari, then Camera, and choose "Allow"; or tap the "aA" icon in the address bar, then Website Settings. Then reload.',
    wechat: 'Open the phone Settings, find WeChat and turn on Camera; then reopen this page in WeChat.',
    alipay: 'Open the phone Settings, find Alipay and turn on Camera; then reopen this page in Alipay.',
    desktop: 'Click the lock icon left of the address bar, set Camera to "Allow", then reload.',
  },
  browserNames: {
    chromeAndroid: 'Android browser (Chrome and others)',
    safariIos: 'iPhone (Safari)',
    wechat: 'WeChat',
    alipay: 'Alipay',
    desktop: 'Computer browser',
  },
  offlineHint: 'You can also certify at a social security office or community centre, or ask for a home visit.',
} satisfies HuotiStrings;
