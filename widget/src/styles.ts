// The widget's look, adopted by its shadow root as a constructed stylesheet: no inline <style>
// and no style attribute, so a host page's strict style-src does not block it, and the host's own
// styles do not leak in. Colours meet WCAG AA contrast (4.5:1 for text) on their backgrounds.
export const css = `
:host { all: initial; }
* { box-sizing: border-box; font: 15px/1.4 system-ui, -apple-system, "Segoe UI", sans-serif; }
.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
button, textarea, input { color: inherit; }
button { cursor: pointer; border-radius: 8px; border: 2px solid #1d4ed8; padding: 6px 12px;
  background: #fff; color: #1d4ed8; font-weight: 600; }
button.primary, .launcher { background: #1d4ed8; color: #fff; }
:focus-visible { outline: 3px solid #b45309; outline-offset: 2px; }
.launcher { position: fixed; right: 20px; bottom: 20px; z-index: 2147483646; border-radius: 24px;
  padding: 12px 20px; box-shadow: 0 4px 14px rgba(0,0,0,.25); }
.panel { position: fixed; right: 20px; bottom: 80px; z-index: 2147483647; width: min(380px, calc(100vw - 40px));
  height: min(560px, calc(100vh - 120px)); display: flex; flex-direction: column; background: #fff; color: #111827;
  border-radius: 12px; box-shadow: 0 8px 30px rgba(0,0,0,.3); overflow: hidden; }
.panel[hidden] { display: none; }
header { background: #1e3a8a; color: #fff; padding: 12px 48px 12px 16px; position: relative; }
header h2 { margin: 0; font-size: 17px; font-weight: 700; }
header p { margin: 2px 0 0; font-size: 13px; }
header .close { position: absolute; top: 10px; right: 10px; background: transparent; color: #fff; border-color: #fff;
  padding: 2px 9px; }
header :focus-visible { outline-color: #fde68a; }
.body { flex: 1; overflow-y: auto; padding: 12px 16px; }
.note { background: #fef3c7; color: #111827; border-radius: 8px; padding: 8px 10px; margin: 0 0 10px; }
.log { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: 8px; }
.log li { max-width: 85%; padding: 8px 10px; border-radius: 10px; background: #f3f4f6; align-self: flex-start; }
.log li.customer { align-self: flex-end; background: #dbeafe; }
.log li.intro { max-width: 100%; background: transparent; padding: 0; }
.log .who { display: block; font-size: 12px; font-weight: 700; color: #374151; }
.log p { margin: 2px 0 0; white-space: pre-wrap; overflow-wrap: anywhere; }
.log li > button { margin-top: 6px; }
.state { display: block; font-size: 12px; color: #4b5563; }
.refused .state { color: #b91c1c; }
.wait { margin: 10px 0 0; font-weight: 600; }
.wait:empty { display: none; }
form.callback { margin-top: 10px; padding: 10px; border: 1px solid #9ca3af; border-radius: 8px; display: grid; gap: 6px; }
form.callback p { margin: 0; }
input, textarea { border: 1px solid #6b7280; border-radius: 6px; padding: 6px 8px; background: #fff; width: 100%; }
.composer { display: flex; gap: 8px; padding: 10px; border-top: 1px solid #d1d5db; }
.composer textarea { flex: 1; resize: none; height: 44px; }
`;
