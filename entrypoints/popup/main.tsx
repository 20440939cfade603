import { render } from 'preact';

function Popup() {
  return <h1>Standpoint</h1>;
}

render(<Popup />, document.getElementById('app')!);
