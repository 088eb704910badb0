// The shell's line editor: typing, erasing, Enter in its three spellings, cancel, end of input, escape sequences.
using App.Shell;

namespace App.Tests;

public class LineEditorTests
{
    private static (List<LineEditorAction> Actions, List<string> Lines) Type(LineEditor editor, string bytes)
    {
        var actions = new List<LineEditorAction>();
        var lines = new List<string>();
        foreach (char c in bytes)
        {
            LineEditorAction action = editor.Feed((byte)c);
            actions.Add(action);
            if (action == LineEditorAction.Line)
                lines.Add(editor.Line.ToString());
        }
        return (actions, lines);
    }

    [Fact]
    public void Printable_characters_are_echoed_and_Enter_completes_the_line()
    {
        var editor = new LineEditor(32);
        var (actions, lines) = Type(editor, "clock get 0\r");
        Assert.Equal(["clock get 0"], lines);
        Assert.All(actions.Take(11), a => Assert.Equal(LineEditorAction.Echo, a));
        Assert.Equal(LineEditorAction.Line, actions[^1]);
    }

    [Fact]
    public void Backspace_and_delete_erase_the_last_character()
    {
        var editor = new LineEditor(32);
        var (actions, lines) = Type(editor, "infx\bo\u007F\u007Ffo\n");
        Assert.Equal(["info"], lines);
        Assert.Equal(LineEditorAction.Erase, actions[4]);
        Assert.Equal(LineEditorAction.Erase, actions[6]);
    }

    [Fact]
    public void Backspace_on_an_empty_line_is_refused_and_erases_nothing()
    {
        var editor = new LineEditor(32);
        var (actions, lines) = Type(editor, "\b\bab\r");
        Assert.Equal(LineEditorAction.Refuse, actions[0]);
        Assert.Equal(["ab"], lines);
    }

    [Fact]
    public void CR_LF_is_one_Enter_but_LF_LF_is_two()
    {
        var editor = new LineEditor(32);
        var (_, crlf) = Type(editor, "a\r\nb\r\n");
        Assert.Equal(["a", "b"], crlf);
        var (_, lflf) = Type(editor, "a\n\n");
        Assert.Equal(["a", ""], lflf);
    }

    [Fact]
    public void A_full_line_refuses_more_characters_and_keeps_what_it_has()
    {
        var editor = new LineEditor(4);
        var (actions, lines) = Type(editor, "abcdef\r");
        Assert.Equal(LineEditorAction.Refuse, actions[4]);
        Assert.Equal(LineEditorAction.Refuse, actions[5]);
        Assert.Equal(["abcd"], lines);
    }

    [Fact]
    public void Ctrl_U_and_Ctrl_C_drop_the_line()
    {
        var editor = new LineEditor(32);
        var (actions, lines) = Type(editor, "junk\x15ok\rmore\x03x\r");
        Assert.Equal(LineEditorAction.Cancel, actions[4]);
        Assert.Equal(["ok", "x"], lines);
    }

    [Fact]
    public void Ctrl_D_ends_input_only_on_an_empty_line()
    {
        var editor = new LineEditor(32);
        Assert.Equal(LineEditorAction.EndOfInput, editor.Feed(0x04));
        editor.Feed((byte)'a');
        Assert.Equal(LineEditorAction.Refuse, editor.Feed(0x04));
        Assert.Equal("a", editor.Pending.ToString());
    }

    [Fact]
    public void Arrow_keys_and_other_escape_sequences_are_swallowed_whole()
    {
        var editor = new LineEditor(32);
        var (actions, lines) = Type(editor, "ab\x1b[A\x1b[1;5Cc\x1bOd\r");
        Assert.Equal(["abcd"], lines);
        Assert.Equal(4, actions.Count(a => a == LineEditorAction.Echo));
    }

    [Fact]
    public void Other_control_bytes_and_non_ASCII_are_ignored_and_tab_is_a_space()
    {
        var editor = new LineEditor(32);
        var (_, lines) = Type(editor, "a\x01\x07\tb\xe9\r");
        Assert.Equal(["a b"], lines);
    }
}
