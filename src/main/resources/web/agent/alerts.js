/** Opt-in alerts: a short tone and a desktop notification while the tab is in the background. */
import { $ } from "./dom.js";
import { TEXT } from "./text.js";

const ALERTS_KEY = "kefu.agent.alerts";

export function alertsOn() {
  try {
    return localStorage.getItem(ALERTS_KEY) === "on";
  } catch (e) {
    return false;
  }
}

/** The checkbox changed: remembered in this browser; turning it on asks for the notification permission. */
export function setAlerts() {
  const on = $("alerts").checked;
  try {
    localStorage.setItem(ALERTS_KEY, on ? "on" : "off");
  } catch (e) { /* storage blocked: this page only */ }
  if (on && window.Notification && Notification.permission === "default") Notification.requestPermission();
}

export function alertAgent(text) {
  if (!$("alerts").checked || !document.hidden) return;
  try {
    const audio = new (window.AudioContext || window.webkitAudioContext)();
    const tone = audio.createOscillator();
    tone.frequency.value = 880;
    tone.connect(audio.destination);
    tone.start();
    tone.stop(audio.currentTime + 0.15);
  } catch (e) { /* no audio here */ }
  if (window.Notification && Notification.permission === "granted") new Notification(TEXT.title, { body: text });
}
