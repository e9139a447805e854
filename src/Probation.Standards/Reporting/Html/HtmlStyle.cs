namespace Probation.Standards.Reporting.Html;

/// <summary>
/// The page's one style sheet, inline: system fonts only, band colours that are AA on white as text
/// (each at least 6:1) and always beside the band's name, a layout that reflows from 1280 px down to
/// 390 px, and an A4 print style.
/// </summary>
internal static class HtmlStyle
{
    public const string Css = """
:root{--ink:#1b1b1b;--muted:#454545;--rule:#8a8a8a;--soft:#f3f3f3;--paper:#fff;--Inadequate:#a8231b;--RequiresImprovement:#7f4d00;--Good:#2a6430;--Outstanding:#1f4e99;--NotRated:#555}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;background:var(--paper);color:var(--ink);font:16px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
.page{max-width:1120px;margin:0 auto;padding:24px 32px 40px}
h1{font-size:1.8rem;line-height:1.2;margin:0 0 .2rem;overflow-wrap:anywhere}
h2{font-size:1.3rem;margin:2rem 0 .75rem;padding-bottom:.2rem;border-bottom:2px solid var(--ink)}
h3{font-size:1.05rem;margin:1.2rem 0 .4rem}
p{margin:.4rem 0}
.kicker{margin:0;color:var(--muted);font-weight:600;letter-spacing:.02em}
.facts{display:grid;grid-template-columns:max-content 1fr;gap:.15rem 1rem;margin:.8rem 0}
.facts dt{font-weight:700}.facts dd{margin:0;overflow-wrap:anywhere}
.note{border:2px solid var(--RequiresImprovement);border-left-width:8px;background:#fff8ec;padding:.55rem .8rem;margin:.8rem 0}
.rating{font-weight:700;color:var(--band)}
.b-Inadequate{--band:var(--Inadequate)}.b-RequiresImprovement{--band:var(--RequiresImprovement)}.b-Good{--band:var(--Good)}.b-Outstanding{--band:var(--Outstanding)}.b-NotRated{--band:var(--NotRated)}
.summary{display:grid;grid-template-columns:repeat(auto-fit,minmax(200px,1fr));gap:.75rem;margin:.5rem 0 1rem}
.big{border:2px solid var(--ink);border-top:10px solid var(--band);padding:.6rem .9rem}
.big .label{display:block;font-size:.9rem;font-weight:600;color:var(--muted)}
.big .value{display:block;font-size:1.9rem;font-weight:800;line-height:1.2}
.big .value.rating{color:var(--band)}
.tiles{list-style:none;padding:0;margin:0 0 .5rem;display:grid;grid-template-columns:repeat(auto-fill,minmax(230px,1fr));gap:.6rem}
.tile{border:1px solid var(--rule);border-left:10px solid var(--band);padding:.5rem .75rem;break-inside:avoid}
.tile .name{display:block;font-weight:700}
.tile .rating{display:block;font-size:1.15rem}
.tile .how{display:block;color:var(--muted);font-size:.9rem}
figure{margin:0}
.chart{display:block;width:100%;max-width:560px;height:auto}
.chart text{fill:var(--ink)}.chart .bar{fill:var(--band)}.chart .std{fill:var(--ink)}
.lowest{display:block;font-weight:400}.how,.qtext{color:var(--muted);font-weight:400;font-size:.9rem}.qtext{display:block}
.legend{list-style:none;padding:0;margin:.5rem 0;display:flex;flex-wrap:wrap;gap:.3rem 1.2rem;font-size:.92rem}
.swatch{display:inline-block;width:1.6em;height:.8em;margin-right:.4em;vertical-align:-.05em;background:var(--band);border:1px solid var(--ink)}
.scroll{overflow-x:auto}
table{border-collapse:collapse;width:100%;font-size:.95rem;margin:.5rem 0}
caption{text-align:left;font-weight:700;padding:.2rem 0}
th,td{border-bottom:1px solid var(--rule);padding:.3rem .5rem;text-align:left;vertical-align:top}
thead th{border-bottom:2px solid var(--ink)}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
tr.driver th,tr.driver td{background:var(--soft)}
.why{border-left:4px solid var(--band);padding:.1rem 0 .1rem .8rem;margin:.8rem 0}
.why ul{margin:.3rem 0;padding-left:1.3rem}
details summary{cursor:pointer;font-weight:600}
footer{margin-top:2.5rem;padding-top:.6rem;border-top:1px solid var(--rule);color:var(--muted);font-size:.9rem}
@media (max-width:640px){.page{padding:14px 14px 28px}h1{font-size:1.45rem}h2{font-size:1.15rem}.facts{grid-template-columns:1fr}.facts dd{margin-bottom:.35rem}.big .value{font-size:1.6rem}.tiles{grid-template-columns:1fr}th,td{padding:.25rem .3rem}.qtext{display:none}table{font-size:.9rem}thead th.num{white-space:normal}#kq-table{table-layout:fixed}#kq-table thead th:nth-child(1){width:24%}#kq-table thead th:nth-child(2){width:23%}#kq-table thead th:nth-child(3){width:23%}}
@media print{@page{size:A4;margin:14mm 14mm 16mm}body{font-size:10pt}.page{max-width:none;padding:0}h2{break-after:avoid}.tile,.big,figure,tr,.why{break-inside:avoid}.chart{max-width:150mm}details>*{display:block}*{-webkit-print-color-adjust:exact;print-color-adjust:exact}}
""";
}
