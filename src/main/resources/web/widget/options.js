/** The embedding tag's data-* attributes, read and checked once. Pure: the caller passes the lookups. */

const POSITIONS = new Set(["bottom-right", "bottom-left"]);
const DEFAULTS = Object.freeze({
  title: "智能 在线客服",
  greeting: "您好，我是智能客服助手，请问有什么可以帮您？",
  position: "bottom-right",
  accent: "#1264e0" // white on it 5.3:1 (the brand blue #1677ff gives 4.1:1)
});

/**
 * @param attr        name => the attribute's value or null (without the "data-" prefix)
 * @param scriptOrigin the origin the widget was loaded from (the API's default)
 * @param isColor     css text => whether it is a colour (CSS.supports in the browser)
 */
export function readOptions(attr, scriptOrigin, isColor) {
  const value = (name) => {
    const raw = attr(name);
    return raw && raw.trim() ? raw.trim() : null;
  };
  const position = value("position");
  const accent = value("accent");
  return Object.freeze({
    api: (value("api") || scriptOrigin).replace(/\/+$/, ""),
    title: value("title") || DEFAULTS.title,
    greeting: value("greeting") || DEFAULTS.greeting,
    position: POSITIONS.has(position) ? position : DEFAULTS.position,
    accent: accent && isColor(accent) ? accent : DEFAULTS.accent,
    questions: Object.freeze((value("questions") || "").split("|").map((q) => q.trim()).filter(Boolean))
  });
}
