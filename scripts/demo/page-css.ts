/** The demo page's style sheet: Slack's look (message list, pills, buttons, modals, file cards); nothing overflows. */
export const PAGE_CSS = `
body{margin:0;background:#f4ede4;font:15px/1.46 "Liberation Sans","DejaVu Sans",Helvetica,Arial,sans-serif,"Noto Color Emoji";color:#1d1c1d}
main{max-width:920px;margin:0 auto;padding:24px 28px;background:#fff;min-height:100vh;box-sizing:border-box}
main *{box-sizing:border-box;overflow-wrap:anywhere}
h1{font-size:22px;margin:0 0 8px}
h2{font-size:13px;text-transform:uppercase;letter-spacing:.05em;color:#616061;border-top:1px solid #ddd;padding-top:14px;margin:26px 0 10px}
.scene{padding-bottom:4px}
.msg{display:flex;gap:10px;padding:6px 8px;border-radius:6px;margin:2px 0}
.avatar{flex:0 0 36px;height:36px;border-radius:6px;color:#fff;font-weight:700;font-size:14px;display:flex;align-items:center;justify-content:center}
.avatar.app{background:#0b3d5c}
.content{flex:1;min-width:0}
.meta{font-size:15px;margin-bottom:2px}.meta span{color:#616061;font-size:12px}
.app-tag{background:#e8e8e8;border-radius:3px;padding:0 3px;font-size:10px!important;font-weight:700}
.only{font-style:italic}.ephemeral{background:#f2f8fc}
.typed{font-family:"DejaVu Sans Mono",Menlo,Consolas,monospace,"Noto Color Emoji";font-size:14px}
.header{font-weight:900;font-size:18px;margin:6px 0 4px}
.text{margin:2px 0}
.section{display:flex;justify-content:space-between;gap:12px;margin:6px 0}
.section-body{flex:1;min-width:0}.accessory{flex:0 0 auto}
.fields{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);gap:6px 20px;margin-top:4px}
.context{color:#616061;font-size:12px;margin:6px 0}.context img{height:16px;vertical-align:middle}
.actions{display:flex;gap:8px;flex-wrap:wrap;margin:8px 0}
.button{display:inline-block;border:1px solid #bbb;border-radius:4px;padding:3px 12px;font-weight:700;font-size:13px;background:#fff;white-space:nowrap}
.button.primary{background:#007a5a;color:#fff;border-color:#007a5a}.button.danger{color:#e01e5a;border-color:#e01e5a}
hr{border:0;border-top:1px solid #ddd;margin:10px 0}
blockquote{margin:4px 0;padding:0 0 0 10px;border-left:4px solid #ddd;color:#1d1c1d}
code{background:#f6f6f6;border:1px solid #ddd;border-radius:3px;padding:0 3px;color:#e01e5a;font-size:12px;font-family:"DejaVu Sans Mono",monospace}
pre{background:#f6f6f6;border:1px solid #ddd;border-radius:4px;padding:8px;white-space:pre-wrap;font-size:12px;font-family:"DejaVu Sans Mono",monospace;margin:4px 0}
.terminal{background:#1d1c1d;color:#e8e8e8;border:0;font-size:12px;margin:8px 0}.terminal .prompt{color:#8fd18f}
.mention{background:#e8f5fa;color:#1264a3;border-radius:3px;padding:0 2px;white-space:nowrap}
a{color:#1264a3;text-decoration:none}
figure{margin:8px 0}figcaption{font-size:12px;color:#616061;margin-bottom:4px}
figure img,.preview{display:block;max-width:100%;max-height:420px;border:1px solid #ddd;border-radius:8px;margin:4px 0}
.file-card{display:inline-flex;align-items:center;gap:10px;border:1px solid #ddd;border-radius:8px;padding:8px 12px;margin:4px 0;max-width:100%;color:#1d1c1d;background:#fff}
.file-icon{flex:0 0 36px;height:36px;border-radius:6px;background:#1264a3;color:#fff;font-size:10px;font-weight:700;display:flex;align-items:center;justify-content:center}
.file-icon.csv{background:#2eb67d}.file-icon.png{background:#e8912d}
.file-name{display:block;font-weight:700;font-size:14px}.file-meta{display:block;font-size:12px;color:#616061}
.thumb{width:64px;height:64px;border-radius:6px;object-fit:cover}
.panel{border:1px solid #ccc;border-radius:10px;box-shadow:0 4px 14px rgba(0,0,0,.12);margin:12px 40px;padding:12px 18px;background:#fff}
.panel.home{margin:12px 0;box-shadow:none;border-color:#bbb}
.panel-title{font-weight:900;font-size:18px;border-bottom:1px solid #eee;padding-bottom:8px;margin-bottom:8px}.panel-title span{font-weight:400;font-size:12px;color:#616061}
.input{margin:10px 0}.label{font-weight:700;font-size:14px;margin-bottom:4px}.optional{font-weight:400;color:#616061}
.hint{font-size:12px;color:#616061;margin-top:3px}
.textbox{border:1px solid #949494;border-radius:4px;padding:7px 9px;font-size:14px;min-height:34px}
.textbox.multiline{min-height:72px}.placeholder{color:#868686}
.dropzone{border:1px dashed #949494;border-radius:6px;padding:12px;text-align:center;font-size:13px;color:#1264a3}.dropzone small{display:block;color:#616061;margin-top:2px}
.select{display:flex;justify-content:space-between;align-items:center;gap:8px;border:1px solid #949494;border-radius:4px;padding:6px 9px;font-size:14px;min-height:34px;background:#fff}
.caret{color:#616061}
.choices div{margin:2px 0}
.emoji{font-family:"Noto Color Emoji";font-style:normal;font-weight:400}
.file-icon.pdf{background:#e01e5a}.file-icon.xlsx{background:#1d7044}
`;
