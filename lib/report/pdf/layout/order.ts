/**
 * Sort orders and tests the layout steps use on every page, defined once here instead of inline. An arrow written
 * inside a function is a new function object on every call: V8 keeps the optimized code of such short-lived closures
 * only weakly, drops it at each full garbage collection, and compiles it again on its helper threads (in a bulk run
 * of PDFs, dozens of recompilations per collection). Functions made once keep their code.
 * Each order takes one shape (cells, rows, text items), so the property loads in it stay monomorphic.
 */
import type { PdfTextItem } from "../read-pdf-items";
import type { Cell, Fragment, Row } from "./layout-types";

export const numbersAscending = (a: number, b: number): number => a - b;

export const cellsByGy = (a: Cell, b: Cell): number => a.gy - b.gy;
export const cellsByGyDescending = (a: Cell, b: Cell): number => b.gy - a.gy;
export const cellsByX0 = (a: Cell, b: Cell): number => a.x0 - b.x0;
export const cellsByGyThenX0 = (a: Cell, b: Cell): number => a.gy - b.gy || a.x0 - b.x0;
export const cellsInReadingOrder = (a: Cell, b: Cell): number => a.page - b.page || a.top - b.top || a.x0 - b.x0;
export const isValueCell = (c: Cell): boolean => c.isValue;
export const isTextCell = (c: Cell): boolean => !c.isValue;

export const rowsByGy = (a: Row, b: Row): number => a.gy - b.gy;

export const fragmentsInReadingOrder = (a: Fragment, b: Fragment): number => a.page - b.page || a.top - b.top || a.x0 - b.x0;

export const itemsByX0 = (a: PdfTextItem, b: PdfTextItem): number => a.x0 - b.x0;
export const itemsByBaselineThenX0 = (a: PdfTextItem, b: PdfTextItem): number => a.baseline - b.baseline || a.x0 - b.x0;
