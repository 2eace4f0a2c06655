/* global document */
// Older Excel on older Windows shows add-ins in Internet Explorer's engine, which the pane cannot run in.
// A file of its own, not an inline script: the page's content security policy allows no inline scripts.
if (document.documentMode) {
  document.getElementById('app').innerHTML =
    '<p lang="kk">Бұл Excel ескі браузер қозғалтқышын пайдаланады. Microsoft 365 немесе браузердегі Excel-ді пайдаланыңыз.</p>' +
    '<p lang="ru">Этот Excel использует устаревший движок браузера. Используйте Microsoft 365 или Excel в браузере.</p>' +
    '<p lang="en">This Excel uses an outdated browser engine. Use Microsoft 365 or Excel on the web.</p>';
}
