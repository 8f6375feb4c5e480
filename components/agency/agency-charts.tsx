import { BarChart } from "@/components/charts/bar-chart";
import { LineChart } from "@/components/charts/line-chart";
import { Card } from "@/components/ui/card";
import { getFigure } from "@/lib/figures/figures";
import { formatCount } from "@/lib/format";
import type { LabelledValue, OutcomeDetailRow } from "@/lib/view/to-outcome-series";
import type { TrendRow } from "@/lib/view/to-trend-series";

type AgencyChartsProps = {
  year: number;
  outcomeGroups: LabelledValue[];
  outcomeDetail: OutcomeDetailRow[];
  applicantMix: LabelledValue[];
  trend: TrendRow[];
};

const toRows = (values: LabelledValue[]) => values.map((v) => ({ label: v.label, value: v.value }));

/** Outcome breakdown, applicant mix and trends across years, each with a table of the same numbers. */
export function AgencyCharts({ year, outcomeGroups, outcomeDetail, applicantMix, trend }: AgencyChartsProps) {
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <Card title="办理结果">
        <BarChart
          title={`${year} 年申请办理结果（件）`}
          data={toRows(outcomeGroups)}
          index="label"
          indexLabel="办理结果"
          categories={[{ key: "value", label: "件数" }]}
          layout="vertical"
          testId="outcome-chart"
        />
        <details className="mt-3 text-sm">
          <summary className="cursor-pointer text-sky-800">按具体理由查看</summary>
          <table className="mt-2 w-full text-sm">
            <caption className="sr-only">办理结果明细</caption>
            <tbody>
              {outcomeDetail.map((d) => (
                <tr key={d.path} className="border-b border-slate-100">
                  <th scope="row" className="py-1 pr-2 text-left font-normal">
                    {d.group === d.label ? d.label : `${d.group}：${d.label}`}
                  </th>
                  <td className="py-1 text-right tabular-nums">{formatCount(d.total)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      </Card>
      <Card title="申请人构成">
        <BarChart
          title={`${year} 年新收申请的申请人类型（件）`}
          data={toRows(applicantMix)}
          index="label"
          indexLabel="申请人类型"
          categories={[{ key: "value", label: "件数" }]}
          layout="vertical"
          testId="applicant-chart"
        />
      </Card>
      <Card title="历年申请量与办结量">
        <LineChart
          title="历年申请量与办结量（件）"
          data={trend}
          index="year"
          indexLabel="年度"
          categories={[
            { key: "requestsReceived", label: getFigure("requestsReceived").label },
            { key: "requestsHandled", label: getFigure("requestsHandled").label },
          ]}
          testId="trend-count-chart"
        />
      </Card>
      <Card title="历年比率">
        <LineChart
          title="历年不掌握信息率与公开率"
          data={trend}
          index="year"
          indexLabel="年度"
          valueKind="percent"
          categories={[
            { key: "notHeldRate", label: getFigure("notHeldRate").label },
            { key: "disclosureRate", label: getFigure("disclosureRate").label },
          ]}
          testId="trend-rate-chart"
        />
      </Card>
    </div>
  );
}
