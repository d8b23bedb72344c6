// Scoped by the shadow root, so short class names cannot clash with the app's. The colours pass
// WCAG AA contrast in both themes (axe checks both: tests/browser/devtoolsThemes.test.ts):
// --b background, --f text, --m muted text, --l lines, --h controls and headings, --a accent,
// --o text on the accent, --e errors.
export const css = `:host{all:initial}
.r{--b:#fff;--f:#1d1d22;--m:#595966;--l:#dcdce3;--h:#f3f4f7;--a:#2457d6;--o:#fff;--e:#b3261e;color-scheme:light dark;position:fixed;z-index:2147483646;display:flex;flex-direction:column;align-items:flex-end;gap:6px;font:12px/1.4 system-ui,sans-serif;color:var(--f)}
@media (prefers-color-scheme:dark){.r{--b:#18181c;--f:#e7e7ec;--m:#a3a3b0;--l:#34343d;--h:#24242a;--a:#7ea6ff;--o:#111;--e:#ff8a80}}
.top{top:12px}.bottom{bottom:12px;flex-direction:column-reverse}.left{left:12px;align-items:flex-start}.right{right:12px}
button,input,select,textarea{font:inherit;color:inherit;background:var(--h);border:1px solid var(--l);border-radius:4px;padding:1px 6px}
button+button{margin-left:3px}:disabled{opacity:.5}[aria-pressed=true]{background:var(--a);color:var(--o)}:focus-visible{outline:2px solid var(--a)}
.toggle{padding:4px 10px;border-radius:99px;background:var(--f);color:var(--b);font-weight:600;box-shadow:0 2px 8px #0003}
.panel{display:flex;flex-direction:column;gap:6px;width:min(760px,90vw);max-height:70vh;padding:8px;background:var(--b);border:1px solid var(--l);border-radius:8px;box-shadow:0 4px 20px #0004}
dl{display:flex;flex-wrap:wrap;gap:4px;margin:0}dt{color:var(--m)}dd{margin:0 10px 0 0;font-weight:600}
.row{display:flex;align-items:center;gap:6px}[type=search]{flex:1}[type=number]{width:4em}b{margin-right:auto}
.scroll{overflow:auto;border:1px solid var(--l)}table{border-collapse:collapse;width:100%}
th,td{padding:3px 6px;text-align:left;vertical-align:top;border-bottom:1px solid var(--l)}th{position:sticky;top:0;background:var(--h);color:var(--m)}
.m{font:11.5px ui-monospace,Menlo,monospace;overflow-wrap:anywhere}td:first-child{min-width:11em}.v{border:0;background:0;padding:0;text-align:left}
.stale,.optimistic{color:var(--m);font-style:italic}pre{margin:4px 0 0;white-space:pre-wrap}textarea{display:block;width:100%;min-height:5em;margin:4px 0}[role=alert]{margin:0;color:var(--e)}
.t,.a{white-space:nowrap}.t{color:var(--m)}i{display:block;height:100%;background:var(--a)}
[role=progressbar]{display:inline-block;width:48px;height:4px;margin-right:6px;border-radius:2px;background:var(--l);overflow:hidden}
ol{margin:0;padding:0;list-style:none;max-height:120px;overflow:auto;color:var(--m)}p{margin:6px}`
