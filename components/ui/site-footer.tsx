/** Footer with the data's ground rules in one line. */
export function SiteFooter() {
  return (
    <footer className="mt-12 border-t border-slate-200 bg-slate-50">
      <p className="mx-auto max-w-6xl px-4 py-4 text-xs leading-relaxed text-slate-600">
        数据取自各机关公开发布的政府信息公开工作年度报告，按统一口径解析并以报告自身的勾稽关系核验。
        “未填报”表示报告未载明该项；“—”表示比率无法计算（分母为 0 或未知）。
      </p>
    </footer>
  );
}
