// Display formats. Fixed to en-US and UTC so what a person reads matches what the tests check.
import { timestampDate, type Timestamp } from "@bufbuild/protobuf/wkt";

const counts = new Intl.NumberFormat("en-US");
const decimals = new Intl.NumberFormat("en-US", { maximumFractionDigits: 1 });
const dollars = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", minimumFractionDigits: 2, maximumFractionDigits: 6 });

export const formatCount = (n: number | bigint): string => counts.format(n);

/** "2025-12-20 10:04:05 UTC" */
export function formatTime(time: Timestamp | undefined): string {
  return time ? timestampDate(time).toISOString().replace("T", " ").replace(/\.\d+Z$/, " UTC") : "";
}

export const formatMs = (ms: number | undefined): string => (ms === undefined ? "" : `${decimals.format(ms)} ms`);

export const formatUsd = (usd: number | undefined): string => (usd === undefined ? "" : dollars.format(usd));

export const formatTokens = (input: bigint | undefined, output: bigint | undefined): string =>
  input === undefined && output === undefined ? "" : `${formatCount(input ?? 0n)} → ${formatCount(output ?? 0n)}`;

/** Seconds with one decimal, for "done in 1.2 s". */
export const formatSeconds = (ms: number): string => `${decimals.format(ms / 1000)} s`;
