// The agent login page: POST /api/auth/login sets the HttpOnly session cookie, then the console opens.
const TEXT = {
  missing: "请输入登录名和密码。",
  wrong: "登录名或密码错误。",
  tooMany: (seconds) => `尝试次数过多，请 ${seconds} 秒后再试。`,
  offline: "无法连接服务器，请检查网络后重试。",
  failed: "登录失败，请稍后重试。",
  loggingIn: "正在登录…",
  login: "登录",
};

const $ = (id) => document.getElementById(id);

/** Where to go after logging in: ?next= when it is a page of this site (/studio/), else the console. */
function nextPage() {
  const next = new URLSearchParams(window.location.search).get("next") || "";
  return /^\/(studio|agent)(\/[a-z0-9./-]*)?$/.test(next) && !next.includes("..") ? next : "/agent";
}

function showError(text) {
  $("login-error").textContent = text;
  $("login-error").hidden = !text;
}

function problemText(response) {
  if (response.status === 401) return TEXT.wrong;
  if (response.status === 429) return TEXT.tooMany(response.headers.get("Retry-After") || "60");
  return TEXT.failed;
}

async function submit(event) {
  event.preventDefault();
  const login = $("login").value.trim();
  const password = $("password").value;
  if (!login || !password) {
    showError(TEXT.missing);
    (login ? $("password") : $("login")).focus();
    return;
  }
  showError("");
  $("login-submit").disabled = true;
  $("login-submit").textContent = TEXT.loggingIn;
  try {
    const response = await fetch("/api/auth/login", {
      method: "POST", credentials: "same-origin", cache: "no-store",
      headers: { "Content-Type": "application/json", Accept: "application/json" },
      body: JSON.stringify({ login, password }),
    });
    if (response.ok) {
      window.location.assign(nextPage());
      return;
    }
    showError(problemText(response));
    $("password").select();
    $("password").focus();
  } catch (e) {
    showError(TEXT.offline);
  } finally {
    $("login-submit").disabled = false;
    $("login-submit").textContent = TEXT.login;
  }
}

$("login-form").addEventListener("submit", submit);
$("login").focus();
