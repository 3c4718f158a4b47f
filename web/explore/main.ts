import "./style.css";

const app = document.getElementById("app");
if (app !== null) app.textContent = "Relationship explorer (placeholder)";
