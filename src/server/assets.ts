// The reader's stylesheet and its one small script, served from memory (no files read from a request path).
// Colours keep at least 4.5:1 contrast on their backgrounds; focus is always visible; one column on a phone.

export const CSS = `
:root{--fg:#1a1a1a;--muted:#4a4a4a;--bg:#fff;--line:#d0d0d0;--accent:#0b4f9c;--mark:#fff1a8;--shared:#d7ecff;--ok:#0b6b2e;--warn:#8a4b00;--bad:#a4161a;--card:#f6f6f4}
*{box-sizing:border-box}
html{font-size:100%;-webkit-text-size-adjust:100%}
body{margin:0;font:1rem/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;color:var(--fg);background:var(--bg)}
a{color:var(--accent)}
a:focus-visible,button:focus-visible,input:focus-visible,select:focus-visible,textarea:focus-visible,summary:focus-visible{outline:3px solid #e07a00;outline-offset:2px}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.skip{position:absolute;left:-999px;top:0;background:#000;color:#fff;padding:.5rem 1rem}
.skip:focus{left:0;z-index:10}
header.site{border-bottom:1px solid var(--line);padding:.6rem 1rem;display:flex;flex-wrap:wrap;gap:.5rem 1.5rem;align-items:center;justify-content:space-between}
header.site .brand{font-weight:700;font-size:1.25rem;text-decoration:none;color:var(--fg)}
header.site .brand small{font-weight:400;color:var(--muted);font-size:.85rem;margin-left:.5rem}
header.site nav ul{list-style:none;margin:0;padding:0;display:flex;gap:1rem;flex-wrap:wrap}
.langs a[aria-current]{font-weight:700;color:var(--fg);text-decoration:none}
main{max-width:72rem;margin:0 auto;padding:1rem}
footer.site{max-width:72rem;margin:2rem auto;padding:1rem;color:var(--muted);border-top:1px solid var(--line);font-size:.9rem}
h1{font-size:1.6rem;line-height:1.25;margin:.5rem 0 1rem}
h2{font-size:1.25rem;margin:2rem 0 .6rem;border-bottom:1px solid var(--line);padding-bottom:.2rem}
h3{font-size:1.05rem;margin:1.2rem 0 .4rem}
.meta{color:var(--muted);font-size:.92rem}
form.search{display:flex;flex-wrap:wrap;gap:.5rem;align-items:flex-end;margin:0 0 1rem}
form.search .q{flex:1 1 16rem}
label{display:block;font-size:.9rem;color:var(--muted)}
input,select,textarea,button{font:inherit;color:inherit}
input[type=search],input[type=text],input[type=date],input[type=password],select,textarea{width:100%;padding:.45rem .5rem;border:1px solid #767676;border-radius:4px;background:#fff}
button{padding:.45rem .9rem;border:1px solid var(--accent);background:var(--accent);color:#fff;border-radius:4px;cursor:pointer}
button.secondary{background:#fff;color:var(--accent)}
fieldset{border:1px solid var(--line);border-radius:6px;margin:0 0 1rem;padding:.5rem .8rem .8rem}
fieldset .grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(11rem,1fr));gap:.6rem}
ol.stories,ul.hits{list-style:none;padding:0;margin:0}
ol.stories li,ul.hits li{padding:.7rem 0;border-bottom:1px solid var(--line)}
ol.stories h3,ul.hits h3{margin:0 0 .2rem;font-size:1.08rem}
mark{background:var(--mark);color:inherit}
.badge{display:inline-block;padding:0 .45rem;border-radius:999px;font-size:.82rem;font-weight:600;border:1px solid currentColor;white-space:nowrap}
.badge.corroborated{color:var(--ok)}
.badge.single-source{color:var(--warn)}
.badge.contested{color:var(--bad)}
.badge.background{color:var(--muted)}
table{border-collapse:collapse;width:100%;font-size:.95rem}
th,td{text-align:left;vertical-align:top;padding:.4rem .5rem;border-bottom:1px solid var(--line)}
th{font-weight:600}
.table-wrap{overflow-x:auto}
.sides{display:grid;grid-template-columns:repeat(auto-fit,minmax(16rem,1fr));gap:1rem}
.side{background:var(--card);border:1px solid var(--line);border-radius:6px;padding:.7rem .9rem}
.side h4{margin:0 0 .4rem}
ol.timeline{list-style:none;padding:0;margin:0;border-left:3px solid var(--line)}
ol.timeline li{margin:0 0 .8rem;padding-left:.9rem;position:relative}
ol.timeline li.bg{color:var(--muted)}
ol.timeline time{font-weight:600;display:block}
.article-text p{margin:0 0 1em;max-width:46rem}
.article-text .s:target{background:#ffe08a;outline:2px solid #e07a00}
.m-entity{border-bottom:2px solid #7aa7d9}
.m-time{background:#e8f5e0}
.m-event{text-decoration:underline;text-decoration-color:#b35c00;text-decoration-thickness:2px}
.m-shared{background:var(--shared)}
.m-quote{font-style:italic}
a.m-entity{color:inherit;text-decoration:none}
.legend span{margin-right:1rem}
details.report{margin:.4rem 0}
details.report summary{cursor:pointer;color:var(--accent);font-size:.9rem}
details.report form{margin-top:.4rem;max-width:34rem;display:grid;gap:.4rem}
.notice{background:#eef6ee;border:1px solid #9cc79c;padding:.6rem .8rem;border-radius:6px}
.warning{background:#fff5e6;border:1px solid #e0b46e;padding:.6rem .8rem;border-radius:6px}
ul.corrections{padding-left:1.2rem}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(15rem,1fr));gap:.8rem}
.card{background:var(--card);border:1px solid var(--line);border-radius:6px;padding:.6rem .8rem}
.card h3{margin:0 0 .2rem}
svg.map{width:100%;max-width:46rem;height:auto;background:#eef3f8;border:1px solid var(--line);border-radius:6px}
blockquote{margin:.4rem 0;padding:.2rem .8rem;border-left:3px solid var(--line)}
.cite{font-size:.8rem;vertical-align:super;margin-left:.1rem}
.pager{display:flex;justify-content:space-between;margin:1rem 0}
@media (max-width:40rem){h1{font-size:1.35rem}main{padding:.7rem}th,td{padding:.35rem}table.facts thead{display:none}table.facts tr,table.facts th,table.facts td{display:block;border:0}table.facts tr{border-bottom:1px solid var(--line);padding:.4rem 0}}
@media (prefers-color-scheme:dark){:root{--fg:#ececec;--muted:#bdbdbd;--bg:#121212;--line:#3a3a3a;--accent:#8cc4ff;--mark:#5c4d00;--shared:#1e3a5a;--ok:#7fd99a;--warn:#ffc477;--bad:#ff8a8f;--card:#1d1d1d}
input[type=search],input[type=text],input[type=date],input[type=password],select,textarea{background:#1d1d1d}button{color:#121212}button.secondary{background:#121212;color:var(--accent)}.m-time{background:#23401a}.article-text .s:target{background:#5c4d00}svg.map{background:#1a2633}.notice{background:#16301a}.warning{background:#3a2a10}}
`;

// Enhancements only: every page works without it. "/" focuses the search box; a citation link opens the
// collapsed article section holding its target before the browser scrolls to it.
export const JS = `
(function(){
  document.addEventListener('keydown',function(e){
    if(e.key!=='/'||e.ctrlKey||e.metaKey||e.altKey)return;
    var t=e.target;if(t&&(t.tagName==='INPUT'||t.tagName==='TEXTAREA'||t.tagName==='SELECT'||t.isContentEditable))return;
    var q=document.getElementById('q');if(q){e.preventDefault();q.focus();}
  });
  function openTarget(){
    if(!location.hash)return;
    var el=document.getElementById(decodeURIComponent(location.hash.slice(1)));
    if(!el)return;
    for(var p=el.parentElement;p;p=p.parentElement){if(p.tagName==='DETAILS')p.open=true;}
    el.scrollIntoView({block:'center'});
  }
  window.addEventListener('hashchange',openTarget);
  if(document.readyState!=='loading')openTarget();else document.addEventListener('DOMContentLoaded',openTarget);
})();
`;

/** The tab icon: a plain "K" on the accent colour. */
export const ICON = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#0b4f9c"/><path d="M10 7h4v7.5L20.5 7H25l-7.2 8.3L25.5 25H21l-5.9-7.6L14 18.7V25h-4z" fill="#fff"/></svg>';
