import { useEffect, useRef } from 'react';
import { navigate } from './router';

const list: [keys: string, what: string][] = [
  ['?', 'Show this list'],
  ['g then i', 'Go to the inbox'],
  ['j / k', 'Inbox: next / previous conversation'],
  ['1 – 5', 'Inbox: All, Mine, Unassigned, Waiting on customer, Breaching soon'],
  ['r', 'Conversation: write a reply'],
  ['Ctrl+Enter', 'Composer: send'],
  ['Escape', 'Close a dialog'],
];

const typing = (t: EventTarget | null) =>
  t instanceof HTMLElement && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName));

// Shortcuts act only when focus is not in a field, so typing never triggers one.
export function Shortcuts() {
  const dialog = useRef<HTMLDialogElement>(null);
  // 'g' waits for its second key (g then i).
  const pending = useRef('');
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || typing(e.target) || dialog.current?.open) return;
      const before = pending.current;
      pending.current = e.key === 'g' ? 'g' : '';
      if (before === 'g' && e.key === 'i') navigate('/');
      else if (e.key === '?') dialog.current?.showModal();
      else if (e.key === 'j' || e.key === 'k') moveInInbox(e.key === 'j' ? 1 : -1);
      else if (/^[1-5]$/.test(e.key))
        document.querySelectorAll<HTMLButtonElement>('.views button')[Number(e.key) - 1]?.click();
      else if (e.key === 'r') document.querySelector<HTMLTextAreaElement>('textarea')?.focus();
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return (
    <dialog ref={dialog} aria-labelledby="shortcuts-title" className="shortcuts">
      <h2 id="shortcuts-title">Keyboard shortcuts</h2>
      <table>
        <caption className="visually-hidden">Keys and what they do</caption>
        <tbody>
          {list.map(([keys, what]) => (
            <tr key={keys}>
              <th scope="row">
                <kbd>{keys}</kbd>
              </th>
              <td>{what}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <form method="dialog">
        <button type="submit">Close</button>
      </form>
    </dialog>
  );
}

function moveInInbox(step: number) {
  const links = [...document.querySelectorAll<HTMLAnchorElement>('table.inbox a')];
  if (links.length === 0) return;
  const at = links.indexOf(document.activeElement as HTMLAnchorElement);
  links[Math.min(links.length - 1, Math.max(0, at === -1 ? 0 : at + step))]!.focus();
}
