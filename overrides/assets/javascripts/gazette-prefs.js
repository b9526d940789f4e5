// The reader's 字号 and 长辈版, applied before the first paint (localStorage only: no cookie). A file, not
// an inline script: the pages' Content-Security-Policy allows scripts from the site's own files only.
try{var d=document.documentElement,s=localStorage.getItem("gz-size"),e=localStorage.getItem("gz-elder");if(s==="s"||s==="l")d.setAttribute("data-gz-size",s);if(e==="1")d.setAttribute("data-gz-elder","")}catch(x){}
