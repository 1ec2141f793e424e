/**
 * Page geometry and typographic constants of a Decree 30/2020 paper: A4 margins, body size,
 * line pitch, paragraph spacing, ink colour, and the millimetre conversion.
 */
import { rgb } from 'pdf-lib';

/** Millimetres to PDF points. */
export const mm = (value: number): number => (value * 72) / 25.4;

/** A4 with the margins of Decree 30/2020 (top 20, bottom 20, left 30, right 15 mm). */
export const PAGE = { width: mm(210), height: mm(297) };
export const MARGIN = { top: mm(20), bottom: mm(20), left: mm(30), right: mm(15) };
export const CONTENT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
export const BODY_SIZE = 13;
/** Line pitch as a multiple of the size (Noto Serif's own ascent + descent is 1.36). */
export const LINE = 1.25;
/** Top of a line box to its baseline. */
export const ASCENT = 1.0;
/** Decree 30: at least 6 pt between paragraphs; form lines ("Địa chỉ: …") sit closer. */
export const PARAGRAPH_SPACING = 6;
export const LINE_SPACING = 3;
export const BLACK = rgb(0, 0, 0);

export const upper = (text: string): string => text.toLocaleUpperCase('vi-VN');
