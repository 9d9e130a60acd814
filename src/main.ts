// The page's entry point. For now: the title and the list of scenarios.
import data from 'virtual:scenarios';

const app = document.getElementById('app')!;
const h1 = document.createElement('h1');
h1.textContent = 'Shells for Oil';
const list = document.createElement('ul');
for (const { scenario } of data.scenarios) {
  const item = document.createElement('li');
  const title = document.createElement('strong');
  title.textContent = scenario.title;
  item.append(title, ` — ${scenario.summary}`);
  list.append(item);
}
app.append(h1, list);
