/**
 * FaceMesh (468-point) landmark indices the kiosk uses. "Left" and "right" are the subject's: the
 * subject's left eye appears on the right of an unmirrored camera image. Polygons list their
 * vertices in order around the outline.
 */

/** The face outline, clockwise from the top of the forehead. */
export const FACE_OVAL = [
  10, 338, 297, 332, 284, 251, 389, 356, 454, 323, 361, 288, 397, 365, 379, 378, 400, 377, 152, 148, 176, 149,
  150, 136, 172, 58, 132, 93, 234, 127, 162, 21, 54, 103, 67, 109,
] as const;

/** Eye outlines one ring outside the lid margin, so lashes and liner are excluded too. */
export const RIGHT_EYE = [130, 247, 30, 29, 27, 28, 56, 190, 243, 112, 26, 22, 23, 24, 110, 25] as const;
export const LEFT_EYE = [
  359, 467, 260, 259, 257, 258, 286, 414, 463, 341, 256, 252, 253, 254, 339, 255,
] as const;

export const RIGHT_BROW = [70, 63, 105, 66, 107, 55, 65, 52, 53, 46] as const;
export const LEFT_BROW = [300, 293, 334, 296, 336, 285, 295, 282, 283, 276] as const;

/** Outer lip line. */
export const LIPS = [
  61, 185, 40, 39, 37, 0, 267, 269, 270, 409, 291, 375, 321, 405, 314, 17, 84, 181, 91, 146,
] as const;

/** Both nostrils and the columella between them, under the nose tip. */
export const NOSTRILS = [
  64, 98, 97, 2, 326, 327, 294, 309, 459, 458, 461, 354, 19, 125, 241, 238, 239, 79,
] as const;

/** The lid margins (the eye opening itself), from the outer corner along the lower lid and back. */
export const RIGHT_LID = [
  33, 7, 163, 144, 145, 153, 154, 155, 133, 173, 157, 158, 159, 160, 161, 246,
] as const;
export const LEFT_LID = [
  263, 249, 390, 373, 374, 380, 381, 382, 362, 398, 384, 385, 386, 387, 388, 466,
] as const;

/** Eye corners: outer right, inner right, inner left, outer left. */
export const EYE_CORNERS = { rightOuter: 33, rightInner: 133, leftInner: 362, leftOuter: 263 } as const;

/** Points for the pose estimate: face sides at the cheekbones, forehead top, chin, nose tip. */
export const POSE_POINTS = { rightSide: 234, leftSide: 454, forehead: 10, chin: 152, noseTip: 1 } as const;

/** Skin zones. */
export const FOREHEAD = [
  68, 104, 69, 108, 151, 337, 299, 333, 298, 301, 293, 334, 296, 336, 9, 107, 66, 105, 63, 71,
] as const;
export const NOSE = [
  168, 417, 465, 343, 437, 420, 279, 358, 327, 2, 98, 129, 49, 198, 217, 114, 245, 193,
] as const;
export const RIGHT_CHEEK = [
  116, 117, 118, 119, 120, 121, 47, 126, 142, 203, 206, 216, 212, 214, 192, 213, 147, 123,
] as const;
export const LEFT_CHEEK = [
  345, 346, 347, 348, 349, 350, 277, 355, 371, 423, 426, 436, 432, 434, 416, 433, 376, 352,
] as const;
export const CHIN = [
  43, 106, 182, 83, 18, 313, 406, 335, 273, 422, 430, 394, 379, 378, 400, 377, 152, 148, 176, 149, 150, 169,
  210, 202,
] as const;
export const RIGHT_UNDER_EYE = [
  130, 25, 110, 24, 23, 22, 26, 112, 243, 245, 128, 121, 120, 119, 118, 117, 111, 143,
] as const;
export const LEFT_UNDER_EYE = [
  359, 255, 339, 254, 253, 252, 256, 341, 463, 465, 357, 350, 349, 348, 347, 346, 340, 372,
] as const;
