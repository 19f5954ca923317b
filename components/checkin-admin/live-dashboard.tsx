"use client";

import Link from "next/link";
import { useMemo, useState } from "react";
import { searchKey } from "@/lib/text/normalize";
import { ArrivalsChart } from "./arrivals-chart";
import { CheckpointTiles, ConnectionBadge, RateTable, RecentScans, VipList, type DashboardLabels } from "./dashboard-parts";
import { ConflictList, DevicesPanel } from "./devices-panel";
import { fill, type UiLocale } from "./format";
import type { CheckinStats } from "./types";
import { useLiveStats } from "./use-live-stats";

const section = "rounded-lg border border-stone-200 bg-white p-4 shadow-sm sm:p-6";
const h2 = "text-lg font-bold text-brand-dark";

/**
 * /admin/checkin's live part: starts from the figures the server rendered, then follows the SSE
 * stream. Tiles per checkpoint, arrivals over time, by category and province, the VIPs present in
 * the hall, offline conflicts (both scans), the scanners (revocable by supervisors) and recent scans.
 */
export function LiveDashboard({ initial, labels, locale, canRevoke = false }: { initial: CheckinStats; labels: DashboardLabels; locale: UiLocale; canRevoke?: boolean }) {
  const { stats, connection } = useLiveStats(initial, locale);
  const d = labels.dashboard;
  const [provinceQuery, setProvinceQuery] = useState("");
  const checkpointNames = useMemo(() => new Map(stats.checkpoints.map((c) => [c.code, c.name])), [stats.checkpoints]);
  const provinces = useMemo(() => {
    const key = searchKey(provinceQuery);
    return stats.byProvince
      .filter((p) => !key || searchKey(p.name).includes(key) || p.code === key)
      .map((p) => ({ key: p.code, name: p.name, registered: p.registered, arrived: p.arrived }));
  }, [stats.byProvince, provinceQuery]);

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <ConnectionBadge connection={connection} generatedAt={stats.generatedAt} labels={d} />
        <nav aria-label={d.links} className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
          <Link href="/admin/checkin/vips" className="font-medium text-blue-800 underline underline-offset-2 hover:text-blue-950">{d.vipLink}</Link>
          <Link href="/admin/checkin/attendance" className="font-medium text-blue-800 underline underline-offset-2 hover:text-blue-950">{d.attendanceLink}</Link>
        </nav>
      </div>

      <section aria-labelledby="tiles-title">
        <h2 id="tiles-title" className={h2}>{d.checkpointsTitle}</h2>
        <div className="mt-3">
          <CheckpointTiles checkpoints={stats.checkpoints} labels={d} locale={locale} />
        </div>
      </section>

      <section aria-label={d.chartTitle} className={section}>
        <ArrivalsChart
          timeline={stats.timeline}
          checkpoints={stats.checkpoints}
          labels={{ title: d.chartTitle, desc: d.chartDesc, empty: d.chartEmpty, table: d.chartTable, time: d.chartTime, truncated: d.chartTruncated }}
        />
      </section>

      <section aria-labelledby="vips-title" className={section}>
        <h2 id="vips-title" className={h2}>{d.vipsTitle}</h2>
        <p className="mt-1 text-sm text-muted">
          {d.vipsIntro} {stats.vips.length > 0 && fill(d.vipsCount, { count: stats.vips.length })}
        </p>
        <VipList vips={stats.vips} labels={d} />
      </section>

      <div className="grid gap-6 lg:grid-cols-2 [&>*]:min-w-0">
        <section aria-labelledby="category-title" className={section}>
          <h2 id="category-title" className={h2}>{d.byCategoryTitle}</h2>
          <div className="mt-3 relative overflow-x-auto">
            <RateTable
              id="by-category" caption={d.byCategoryTitle} nameHeader={d.category} labels={d} locale={locale}
              rows={stats.byCategory.map((c) => ({ key: c.code, name: c.name, colour: c.colour, registered: c.registered, arrived: c.arrived }))}
            />
          </div>
        </section>
        <section aria-labelledby="province-title" className={section}>
          <h2 id="province-title" className={h2}>{d.byProvinceTitle}</h2>
          <label htmlFor="province-filter" className="mt-3 block text-sm font-semibold">{d.provinceFilter}</label>
          <input
            id="province-filter" type="search" value={provinceQuery} onChange={(e) => setProvinceQuery(e.target.value)} autoComplete="off"
            className="mt-1 block min-h-11 w-full rounded border border-stone-400 bg-white px-3 py-2 text-base focus:border-blue-700 focus:outline-none focus-visible:outline-3 focus-visible:outline-blue-700"
          />
          <div className="mt-3 max-h-[28rem] overflow-auto" tabIndex={0} role="region" aria-labelledby="province-title">
            <RateTable id="by-province" caption={d.byProvinceTitle} nameHeader={d.province} labels={d} locale={locale} rows={provinces} />
          </div>
        </section>
      </div>

      <section aria-labelledby="conflicts-title" className={section}>
        <h2 id="conflicts-title" className={h2}>{d.conflictsTitle}</h2>
        <p className="mt-1 text-sm text-muted">{d.conflictsIntro}</p>
        <div className="mt-3">
          <ConflictList conflicts={stats.conflicts} checkpointNames={checkpointNames} labels={d} />
        </div>
      </section>

      <section aria-labelledby="devices-title" className={section}>
        <h2 id="devices-title" className={h2}>{d.devicesTitle}</h2>
        <p className="mt-1 text-sm text-muted">{d.devicesIntro}</p>
        <div className="mt-3">
          <DevicesPanel labels={d} locale={locale} canRevoke={canRevoke} />
        </div>
      </section>

      <section aria-labelledby="recent-title" className={section}>
        <h2 id="recent-title" className={h2}>{d.recentTitle}</h2>
        <div className="mt-3">
          <RecentScans recent={stats.recent} checkpointNames={checkpointNames} labels={labels} />
        </div>
      </section>
    </div>
  );
}
