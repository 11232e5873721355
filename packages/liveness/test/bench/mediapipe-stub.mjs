export class FaceMesh {} export class FaceDetection {}
